package org.transferlab.core.loader.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.TransferLabException;

/** The parse step: CSV defects are named errors with the line, and a byte order mark is no defect. */
class CsvTableTest {
    private static final Path FILE = Path.of("/data/t.csv");

    private static CsvTable parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8), ',');
    }

    private static CsvTable parse(byte[] bytes, char delimiter) {
        return CsvTable.parse(FILE, bytes, delimiter);
    }

    private static String error(String text, char delimiter) {
        return assertThrows(TransferLabException.class, () -> parse(text.getBytes(StandardCharsets.UTF_8), delimiter)).getMessage();
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedSoTheFirstColumnKeepsItsName() {
        byte[] text = "species,x\nAdelie,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        CsvTable table = parse(withBom, ',');
        assertEquals(List.of("species", "x"), table.header());
        assertEquals(0, table.column("species"));
    }

    @Test
    void aDuplicateColumnNameIsRefused() {
        assertEquals(FILE + ": line 1: column name 'x' appears twice in the header (columns 2 and 4); a config names columns "
                + "by name, so rename one of them", error("y,x,z,x\n1,2,3,4\n", ','));
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() {
        assertEquals(FILE + ": line 3: a quoted field starts here and its closing quote (\") is missing before the end of the "
                + "file; close the quote (a quote inside a quoted field is written twice: \"\")",
                error("y,x\n1,2\n3,\"4\n5,6\n", ','));
    }

    @Test
    void textAfterAClosingQuoteIsNamed() {
        assertEquals(FILE + ": line 2: text follows the closing quote of a quoted field; a quote inside a quoted field is "
                + "written twice (\"\")", error("y,x\n1,\"2\"3\n", ','));
    }

    @Test
    void aHeaderOfOneColumnSuggestsTheDelimiterItSeemsToUse() {
        assertEquals(FILE + ": line 1: the header has a single column ('y;x;z') when split at ',', but a domain needs a target "
                + "and a feature column; the header seems to be separated by ';': set delimiter: \";\"", error("y;x;z\n1;2;3\n", ','));
        assertEquals(FILE + ": line 1: the header has a single column ('y\tx') when split at ',', but a domain needs a target "
                + "and a feature column; the header seems to be separated by tabs: set delimiter: \"\\t\"", error("y\tx\n1\t2\n", ','));
        assertEquals(FILE + ": line 1: the header has a single column ('y,x') when split at ';', but a domain needs a target "
                + "and a feature column; the header seems to be separated by ',': set delimiter: \",\"", error("y,x\n1,2\n", ';'));
        assertEquals(FILE + ": line 1: the header has a single column ('yx') when split at ',', but a domain needs a target "
                + "and a feature column; if its fields are separated by another character, set delimiter to it", error("yx\n1\n", ','));
    }

    @Test
    void linesAreTheLinesRowsStartOnWhateverTheLineEndingsAndQuotedLineBreaks() {
        CsvTable table = parse("y,note\r\n1,\"two\r\nlines\"\r\n\r\n2,x\r\n3,y");
        assertEquals(List.of(2L, 5L, 6L), table.rows().stream().map(CsvTable.Row::line).toList());
        assertEquals("two\r\nlines", table.rows().get(0).cells()[1]);
        assertEquals(FILE + ": line 5 has 1 fields, expected 2 (y, note)", error("y,note\n1,\"a\nb\"\n2,c\n3\n", ','),
                "the quoted line break counts as a line");
    }

    @Test
    void textThatIsNotUtf8NamesItsLine() {
        byte[] latin1 = "y,x\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(FILE + ": line 2: not UTF-8 text (byte 0xE9 at byte offset 9); save the file as UTF-8",
                assertThrows(TransferLabException.class, () -> parse(latin1, ',')).getMessage());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertEquals(FILE + ": empty file; expected a header row naming the columns", error("\n\n", ','));
    }
}
