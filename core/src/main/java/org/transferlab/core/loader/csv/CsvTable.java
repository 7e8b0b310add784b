package org.transferlab.core.loader.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.transferlab.core.TransferLabException;

/**
 * A CSV file as text cells: its header (the column names) and its data rows, each with the line it
 * starts on. The parse step of {@link CsvLoader}, with Apache Commons CSV; it knows nothing of
 * features or targets, and refuses what would make every later step wrong, each with an error that
 * names the file and the line:
 * <ul>
 *   <li>text that is not UTF-8 (a UTF-8 byte order mark, which Excel writes, is skipped, so the first
 *       column keeps its name);</li>
 *   <li>no header row; a header of one column, which means the file is separated by another
 *       character than {@code delimiter} (the error suggests the one the header seems to use);</li>
 *   <li>a column name that appears twice, since the config names columns by name;</li>
 *   <li>a quoted field whose closing quote is missing, or text after a closing quote;</li>
 *   <li>a row with more or fewer fields than the header.</li>
 * </ul>
 * Cells are trimmed; empty lines are skipped.
 *
 * @param file   the file, for messages
 * @param header the column names, in file order
 * @param rows   the data rows, in file order (data row {@code i} is {@code rows.get(i)})
 */
record CsvTable(Path file, List<String> header, List<Row> rows) {
    /** Characters a CSV file is commonly separated by, in the order a suggestion prefers them. */
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

    /**
     * One data row.
     *
     * @param line  the line of the file it starts on (the header is line 1, unless empty lines precede it)
     * @param cells its fields, trimmed, one per column
     */
    record Row(long line, String[] cells) {
    }

    CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The index of column {@code name}, or -1. */
    int column(String name) {
        return header.indexOf(name);
    }

    /** Parses {@code bytes}, the content of {@code file}, as CSV separated by {@code delimiter}. */
    static CsvTable parse(Path file, byte[] bytes, char delimiter) {
        String text = utf8(file, bytes);
        LineIndex lines = new LineIndex(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true).get();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                // A record's position is where the parser began reading it, before the empty lines it skipped.
                int start = (int) record.getCharacterPosition();
                while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                    start++;
                }
                long line = lines.lineAt(start);
                String[] cells = record.values();
                if (header == null) {
                    header = List.of(cells);
                    checkHeader(file, header, line, firstLine(text, start), delimiter);
                    continue;
                }
                if (cells.length != header.size()) {
                    throw new TransferLabException(file + ": line " + line + " has " + cells.length + " fields, expected "
                            + header.size() + " (" + String.join(", ", header) + ")");
                }
                rows.add(new Row(line, cells));
            }
        } catch (UncheckedIOException e) {
            throw malformed(file, e.getCause());
        } catch (IOException e) {
            throw malformed(file, e);
        }
        if (header == null) {
            throw new TransferLabException(file + ": empty file; expected a header row naming the columns");
        }
        return new CsvTable(file, header, rows);
    }

    private static String utf8(Path file, byte[] bytes) {
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            long line = 1;
            for (int i = start; i < offset; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new TransferLabException(file + ": line " + line + ": not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " at byte offset " + offset + "); save the file as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static void checkHeader(Path file, List<String> header, long line, String headerText, char delimiter) {
        if (header.size() == 1) {
            throw new TransferLabException(file + ": line " + line + ": the header has a single column ('" + header.get(0)
                    + "') when split at " + shown(delimiter) + ", but a domain needs a target and a feature column; "
                    + suggestion(headerText, delimiter));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            Integer first = seen.putIfAbsent(header.get(j), j);
            if (first != null) {
                throw new TransferLabException(file + ": line " + line + ": column name '" + header.get(j)
                        + "' appears twice in the header (columns " + (first + 1) + " and " + (j + 1)
                        + "); a config names columns by name, so rename one of them");
            }
        }
    }

    /** What to set: the common delimiter the header line holds most of, or a general hint when it holds none. */
    private static String suggestion(String headerText, char delimiter) {
        char best = 0;
        long most = 0;
        for (char candidate : DELIMITERS) {
            long count = headerText.chars().filter(c -> c == candidate).count();
            if (candidate != delimiter && count > most) {
                best = candidate;
                most = count;
            }
        }
        return best == 0 ? "if its fields are separated by another character, set delimiter to it"
                : "the header seems to be separated by " + shown(best) + ": set delimiter: " + yaml(best);
    }

    private static String shown(char c) {
        return c == '\t' ? "tabs" : c == ' ' ? "spaces" : "'" + c + "'";
    }

    private static String yaml(char c) {
        return c == '\t' ? "\"\\t\"" : "\"" + c + "\"";
    }

    private static String firstLine(String text, int start) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(start, end);
    }

    private static TransferLabException malformed(Path file, Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof CSVException) {
            Matcher start = START_LINE.matcher(message);
            if (start.find() && message.contains("EOF reached before encapsulated token finished")) {
                return new TransferLabException(file + ": line " + start.group(1) + ": a quoted field starts here and its "
                        + "closing quote (\") is missing before the end of the file; close the quote (a quote inside a quoted "
                        + "field is written twice: \"\")", e);
            }
            Matcher at = AT_LINE.matcher(message);
            if (at.find() && message.contains("Invalid character between encapsulated token and delimiter")) {
                return new TransferLabException(file + ": line " + at.group(1) + ": text follows the closing quote of a "
                        + "quoted field; a quote inside a quoted field is written twice (\"\")", e);
            }
        }
        return new TransferLabException(file + ": malformed CSV (" + message + ")", e);
    }

    /** The line of each character position: 1 plus the line breaks before it (CRLF, LF or a lone CR). */
    private static final class LineIndex {
        private final int[] lineStarts;

        LineIndex(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts.add(i + 1);
                }
            }
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineAt(int position) {
            int found = Arrays.binarySearch(lineStarts, position);
            return (found >= 0 ? found : -found - 2) + 1;
        }
    }
}
