package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.loader.RowSplit;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.report.Provenance;

/**
 * A study of a researcher's own CSV file runs through the command line, and its report says what the
 * loader did: the rows and cells imputed per column, with the train values used, the test cells of a
 * category no train row has, and the label order.
 */
class CsvStudyTest {
    @TempDir
    Path dir;

    /** The file's test rows, as the csv loader draws them: stratified by the species' sorted ranks. */
    private static int[] testRows(String csv) {
        List<String> species = csv.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
        List<String> sorted = species.stream().distinct().sorted().toList();
        return RowSplit.stratified(species.stream().mapToInt(sorted::indexOf).toArray(), 0.3, 0)[1];
    }

    @Test
    void aCsvStudyReportsImputedCellsUnseenCategoriesAndTheLabelOrder() throws Exception {
        String csv = TabularBadInputCorpusTest.birds();
        int[] test = testRows(csv);
        int southTest = java.util.Arrays.stream(test).filter(r -> r % 2 == 1).findFirst().orElseThrow();
        int southTrain = java.util.stream.IntStream.range(0, 40).filter(r -> r % 2 == 1)
                .filter(r -> java.util.Arrays.binarySearch(test, r) < 0).findFirst().orElseThrow();
        String line = csv.lines().skip(1 + southTest).findFirst().orElseThrow();
        csv = TabularBadInputCorpusTest.replaceLine(csv, 2 + southTest, line.replaceFirst(",(Biscoe|Dream|Torgersen),", ",Anvers,"));
        csv = TabularBadInputCorpusTest.replaceLine(csv, 2, "Adélie,north,Torgersen,NA,3000");
        line = csv.lines().skip(1 + southTrain).findFirst().orElseThrow();
        csv = TabularBadInputCorpusTest.replaceLine(csv, 2 + southTrain, line.replaceFirst(",(Biscoe|Dream|Torgersen),", ",?,"));
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/birds.csv"), csv);
        Path config = Files.writeString(dir.resolve("study.yaml"), TabularBadInputCorpusTest.STUDY.replace("missing: drop", "missing: impute"));

        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"run", config.toString(), "--out", dir.resolve("run").toString(),
                "--data-dir", dir.resolve("data").toString(), "--no-cache"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());

        String report = Files.readString(dir.resolve("run/report.md"));
        assertTrue(report.contains("- north@all: rows imputed 1\n- north@all: cells imputed by column bill=1\n"
                + "- north@all: imputed train values bill="), report);
        assertTrue(report.contains("- south@all: rows imputed 1\n- south@all: cells imputed by column island=1\n"
                + "- south@all: imputed train values island="), report);
        assertTrue(report.contains("## Unseen categories\n\nTest cells of a categorical feature whose category no train row of "
                + "the file has; they are encoded as all zeros:\n\n- south@all: test cells unseen category island=1\n"), report);
        List<Provenance.Entry> provenance = Provenance.read(dir.resolve("run"));
        Map<String, String> north = new java.util.HashMap<>();
        provenance.stream().filter(r -> r.scope().equals("domain north@all")).forEach(r -> north.put(r.key(), r.value()));
        assertEquals("[\"Adélie\", \"Chinstrap\", \"Gentoo\"]", north.get("classes"), "class i is the i-th label");
        assertEquals("island=[\"Biscoe\", \"Dream\", \"Torgersen\"]", north.get("categories"), "Anvers is only in a test row");
        assertEquals("island=Biscoe,island=Dream,island=Torgersen,bill,mass", north.get("encoded-features"));
    }

    @Test
    void thePenguinsStudyConfigIsValid() {
        ExperimentConfig config = new ConfigLoader(org.transferlab.core.plugin.Plugins.discover())
                .load(Path.of("configs/penguins-study.yaml"));
        assertEquals(2 * 11 * 2 * 10, config.cellCount(), "2 pairs x 11 strategies x 2 budgets x 10 seeds");
        assertEquals("penguins-study", config.settings().name());
        assertTrue(config.settings().seeds() >= 5, "5 or more seeds");
    }
}
