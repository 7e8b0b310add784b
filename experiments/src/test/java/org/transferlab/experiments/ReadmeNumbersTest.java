package org.transferlab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every table of numbers the README quotes comes from a committed run: a table follows a marker
 * {@code <!-- numbers from results/studies/NAME/report.md -->}, and each of its rows must appear in one of
 * that report's tables, cell for cell under the same column headings (the README may leave out rows and
 * columns, never change a value). Each study under {@code results/studies} was made from a clean tree at
 * the commit its provenance names, and says how it was made; a study added later is made at a later
 * commit, when the changes since the others' commit leave their results as they are (rerun to check).
 */
class ReadmeNumbersTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!-- numbers from (\\S+) -->");

    /** A Markdown table: its column headings and its rows, each as heading → cell. */
    private record Table(List<String> headings, List<Map<String, String>> rows, int line) {
    }

    @Test
    void everyQuotedTableMatchesTheCommittedReportItCites() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        Set<String> cited = new TreeSet<>();
        int quoted = 0;
        for (int i = 0; i < readme.size(); i++) {
            Matcher marker = MARKER.matcher(readme.get(i));
            if (!marker.find()) {
                continue;
            }
            Path report = ROOT.resolve(marker.group(1)).normalize();
            assertTrue(report.startsWith(ROOT.resolve("results")) && Files.isRegularFile(report),
                    "README.md:" + (i + 1) + " cites " + marker.group(1) + ", which is not a committed file under results/");
            cited.add(ROOT.relativize(report).toString());
            Table table = tables(readme, i + 1).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("README.md:" + marker.group(1) + " marker without a table"));
            List<Table> source = tables(Files.readAllLines(report), 0);
            for (Map<String, String> row : table.rows()) {
                boolean found = source.stream().filter(t -> t.headings().containsAll(row.keySet()))
                        .flatMap(t -> t.rows().stream())
                        .anyMatch(r -> row.entrySet().stream().allMatch(e -> e.getValue().equals(r.get(e.getKey()))));
                if (!found) {
                    fail("README.md, table at line " + table.line() + ": the row " + row + " is not in any table of "
                            + marker.group(1) + " with the same cells under the same headings");
                }
                quoted++;
            }
        }
        assertTrue(cited.containsAll(List.of("results/studies/quickstart/report.md",
                "results/studies/classification-study/report.md", "results/studies/regression-study/report.md",
                "results/studies/clustering-study/report.md", "results/studies/penguins-study/report.md",
                "results/studies/weighting-study/report.md", "results/studies/methods-study/report.md",
                "results/studies/methods-study-more-labels/report.md", "results/studies/selection-study/report.md")),
                "the README quotes each committed study: " + cited);
        assertTrue(quoted >= 20, "only " + quoted + " quoted rows were checked");
    }

    @Test
    void everyCommittedStudyNamesTheCleanCommitItWasMadeAt() throws IOException {
        Path studies = ROOT.resolve("results/studies");
        List<Path> reports;
        try (var folders = Files.list(studies)) {
            reports = folders.filter(Files::isDirectory).map(f -> f.resolve("report.md")).sorted().toList();
        }
        assertFalse(reports.isEmpty(), "no study under " + studies);
        Set<String> commits = new TreeSet<>();
        for (Path report : reports) {
            Map<String, String> provenance = new LinkedHashMap<>();
            for (Table table : tables(Files.readAllLines(report), 0)) {
                if (table.headings().equals(List.of("scope", "key", "value"))) {
                    table.rows().forEach(r -> provenance.putIfAbsent(r.get("key"), r.get("value")));
                }
            }
            assertEquals("false", provenance.get("git-dirty"), report + " was made from a tree with uncommitted changes");
            commits.add(provenance.get("git-commit"));
            assertTrue(Files.isRegularFile(report.resolveSibling("command.txt")), report + " has no command.txt beside it");
            assertTrue(Files.isRegularFile(report.resolveSibling("results.csv")), report + " has no results.csv beside it");
        }
        assertTrue(commits.stream().allMatch(c -> c != null && c.matches("[0-9a-f]{40}")), "a study names no commit: " + commits);
    }

    /** The Markdown tables of {@code lines} from {@code from} on (only the first when quoting a README table). */
    private static List<Table> tables(List<String> lines, int from) {
        List<Table> tables = new ArrayList<>();
        int i = from;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("|") || i + 1 >= lines.size() || !lines.get(i + 1).matches("\\|[-:| ]+\\|")) {
                if (from > 0 && !lines.get(i).isBlank() && tables.isEmpty() && !lines.get(i).startsWith("|")) {
                    return tables;
                }
                i++;
                continue;
            }
            List<String> headings = cells(lines.get(i));
            int start = i + 1;
            List<Map<String, String>> rows = new ArrayList<>();
            i += 2;
            while (i < lines.size() && lines.get(i).startsWith("|")) {
                List<String> cells = cells(lines.get(i));
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < Math.min(cells.size(), headings.size()); c++) {
                    row.put(headings.get(c), cells.get(c));
                }
                rows.add(row);
                i++;
            }
            tables.add(new Table(headings, rows, start));
            if (from > 0) {
                return tables;
            }
        }
        return tables;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
