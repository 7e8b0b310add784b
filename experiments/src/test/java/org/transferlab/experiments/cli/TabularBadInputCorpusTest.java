package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of a researcher's own tabular data (issue 13), beside {@link BadInputCorpusTest}
 * and in its style: each case writes a CSV file and a study, runs the real command line, and checks
 * the exact error (naming the file, the line and the column, or the config's line and key), exit code
 * 2, and that nothing half-written is left: no run directory, no temporary file. A byte order mark is
 * not a defect: a file that has one loads, and its first column keeps its name.
 */
class TabularBadInputCorpusTest {
    /** Two domains of one file of birds, with a categorical feature, a missing-value policy and string labels. */
    static final String STUDY = """
            name: corpus-tabular
            seeds: 1
            domains:
              north: {loader: csv, file: birds.csv, target: species, features: [island, bill, mass], categorical: [island], filter: site = north, missing: drop}
              south: {loader: csv, file: birds.csv, target: species, features: [island, bill, mass], categorical: [island], filter: site = south, missing: drop}
            pairs: [{source: north, target: south}]
            network: {hidden: [4], epochs: 1}
            strategies: {target-only: {max-epochs: 2}}
            budgets: {per-class: [2]}
            """;

    @TempDir
    Path dir;

    /** 40 birds: site, island (categorical), bill and mass (numeric), species (the label, any string). */
    static String birds() {
        StringBuilder csv = new StringBuilder("species,site,island,bill,mass\n");
        for (int i = 0; i < 40; i++) {
            csv.append(List.of("Adélie", "Gentoo", "Chinstrap").get((i / 2) % 3)).append(',')
                    .append(i % 2 == 0 ? "north" : "south").append(',')
                    .append(List.of("Biscoe", "Dream", "Torgersen").get(i % 3)).append(',')
                    .append(30 + i % 11).append('.').append(i % 10).append(',').append(3000 + 25 * i).append('\n');
        }
        return csv.toString();
    }

    /** Replaces line {@code line} (1 = the header) of a CSV text. */
    static String replaceLine(String csv, int line, String replacement) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        lines.set(line - 1, replacement);
        return String.join("\n", lines) + "\n";
    }

    /**
     * @param name     what is wrong, for the test report
     * @param csv      the file's content
     * @param study    the config
     * @param expected the exact error, given the test directory
     */
    record Case(String name, byte[] csv, String study, Function<Path, String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case data(String name, Function<String, String> breakFile, Function<Path, String> expected) {
        return new Case(name, breakFile.apply(birds()).getBytes(StandardCharsets.UTF_8), STUDY, expected);
    }

    private static Case config(String name, Function<String, String> change, Function<Path, String> expected) {
        return new Case(name, birds().getBytes(StandardCharsets.UTF_8), change.apply(STUDY), expected);
    }

    private static String at(Path d, int line) {
        return d.resolve("study.yaml") + ":" + line + ": ";
    }

    private static String north(Path d) {
        return at(d, 4) + "domain 'north': " + d.resolve("data/birds.csv") + ": ";
    }

    static Stream<Case> cases() {
        return Stream.of(
                data("an unclosed quote", s -> replaceLine(s, 6, "Gentoo,north,\"Dream,31.5,3100"),
                        d -> north(d) + "line 6: a quoted field starts here and its closing quote (\") is missing before the "
                                + "end of the file; close the quote (a quote inside a quoted field is written twice: \"\")"),
                data("text after a closing quote", s -> replaceLine(s, 7, "Gentoo,north,\"Dream\"s,31.5,3100"),
                        d -> north(d) + "line 7: text follows the closing quote of a quoted field; a quote inside a quoted "
                                + "field is written twice (\"\")"),
                data("a duplicate column name in the header", s -> replaceLine(s, 1, "species,site,island,bill,bill"),
                        d -> north(d) + "line 1: column name 'bill' appears twice in the header (columns 4 and 5); a config "
                                + "names columns by name, so rename one of them"),
                data("a delimiter that yields one column", s -> s.replace(',', ';'),
                        d -> north(d) + "line 1: the header has a single column ('species;site;island;bill;mass') when split "
                                + "at ',', but a domain needs a target and a feature column; the header seems to be separated "
                                + "by ';': set delimiter: \";\""),
                data("an undeclared categorical column", s -> replaceLine(s, 8, "Adélie,north,Biscoe,long,3075"),
                        d -> north(d) + "line 8, column 'bill': 'long' is not a number; if 'bill' holds categories, declare "
                                + "it: categorical: [island, bill]"),
                config("an undeclared categorical column, none declared", s -> s.replace(", categorical: [island]", ""),
                        d -> north(d) + "line 2, column 'island': 'Biscoe' is not a number; if 'island' holds categories, "
                                + "declare it: categorical: [island]"),
                new Case("a missing value, missing: error (the default)",
                        replaceLine(birds(), 10, "Gentoo,north,Biscoe,NA,3175").getBytes(StandardCharsets.UTF_8),
                        STUDY.replace(", missing: drop", ""),
                        d -> north(d) + "line 10, column 'bill': 'NA' is a missing value (na-values: [\"\", \"NA\", \"NaN\", "
                                + "\"?\", \"null\"]); set missing: drop to leave such rows out, or missing: impute to fill "
                                + "it from the train partition"),
                new Case("a missing label, missing: error (the default)",
                        replaceLine(birds(), 4, ",north,Torgersen,32.2,3050").getBytes(StandardCharsets.UTF_8),
                        STUDY.replace(", missing: drop", ""),
                        d -> north(d) + "line 4, column 'species' (the target): '' is a missing value (na-values: [\"\", "
                                + "\"NA\", \"NaN\", \"?\", \"null\"]); set missing: drop to leave such rows out (a missing "
                                + "target is never imputed)"),
                new Case("NaN, when na-values leaves it out", replaceLine(birds(), 6, "Gentoo,north,Dream,NaN,3100")
                        .getBytes(StandardCharsets.UTF_8), STUDY.replaceFirst("missing: drop}", "missing: drop, na-values: [NA]}"),
                        d -> north(d) + "line 6, column 'bill': NaN is not a finite number"),
                config("an unknown missing-value policy", s -> s.replace("missing: drop}", "missing: sometimes}"),
                        d -> at(d, 4) + "key 'domains.north.missing' must be one of error, drop, impute, got 'sometimes'"),
                config("na-values that is not a list", s -> s.replaceFirst("missing: drop}", "missing: drop, na-values: NA}"),
                        d -> at(d, 4) + "key 'domains.north.na-values' must be a list like [1, 2], got 'NA'"),
                config("a categorical column that is not a feature", s -> s.replaceFirst("categorical: \\[island]",
                                "categorical: [island, site]"),
                        d -> at(d, 4) + "'domains.north': categorical: 'site' is not one of the features (island, bill, mass); "
                                + "list it in features too"),
                config("a categorical target", s -> s.replaceFirst("features: \\[island, bill, mass], categorical: \\[island]",
                                "categorical: [species]"),
                        d -> at(d, 4) + "'domains.north': categorical: 'species' is the target column; a feature must not be "
                                + "the label it predicts"),
                new Case("text that is not UTF-8", latin1Line(4, "Chinstrap,north,Dr\u00e9am,30.2,3050"), STUDY,
                        d -> north(d) + "line 4: not UTF-8 text (byte 0xE9 at byte offset " + latin1Offset(4) + "); save the "
                                + "file as UTF-8"));
    }

    /** The UTF-8 birds, but line {@code line} replaced by {@code text} in ISO-8859-1, as an old editor would save it. */
    private static byte[] latin1Line(int line, String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        List<String> lines = birds().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            bytes.writeBytes(((i + 1 == line ? text : lines.get(i)) + "\n")
                    .getBytes(i + 1 == line ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Where the é of {@link #latin1Line} is: after the UTF-8 lines before it and "Chinstrap,north,Dr". */
    private static int latin1Offset(int line) {
        String before = String.join("\n", birds().lines().limit(line - 1).toList()) + "\n";
        return before.getBytes(StandardCharsets.UTF_8).length + "Chinstrap,north,Dr".length();
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badTabularDataIsRefusedNamingTheFileLineAndColumnAndWritesNothing(Case bad) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/birds.csv"), bad.csv());
        Files.writeString(dir.resolve("study.yaml"), bad.study());
        Path out = dir.resolve("out");
        Result result = cli("run", dir.resolve("study.yaml").toString(), "--out", out.toString(),
                "--data-dir", dir.resolve("data").toString(), "--no-cache");
        assertEquals(TransferLabCommand.USER_ERROR, result.exitCode(), result.err());
        List<String> lines = result.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals("error: " + bad.expected().apply(dir), lines.get(lines.size() - 1), result.err());
        assertFalse(result.err().contains("Exception"), "no stack trace: " + result.err());
        assertFalse(result.err().contains("training the source model"), "refused before any training");
        assertFalse(Files.exists(out), "no run directory is left behind");
        BadInputCorpusTest.assertNoTemporaryFiles(dir);
    }

    @Test
    void aByteOrderMarkIsReadTransparentlySoTheFirstColumnKeepsItsName() throws Exception {
        byte[] text = birds().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/birds.csv"), withBom);
        Files.writeString(dir.resolve("study.yaml"), STUDY);
        Result result = cli("validate", dir.resolve("study.yaml").toString(), "--data-dir", dir.resolve("data").toString());
        assertEquals(0, result.exitCode(), "'species', the first column, is found: " + result.err());
        assertTrue(result.out().contains("study.yaml: valid; 1 cells"), result.out());
    }
}
