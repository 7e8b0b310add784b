package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code list} says which class each registry name binds, per task, so a name leads to its code in one step. */
class ListCommandTest {
    @Test
    void oneNameOfEachTaskLeadsToTheClassOfThatTask() {
        String out = list();

        assertTrue(section(out, "classification strategies:").contains(
                "\n  target-only                  org.transferlab.transfer.baseline.TargetOnly\n"), out);
        assertTrue(section(out, "regression strategies:").contains(
                "\n  target-only                  org.transferlab.transfer.regression.TargetOnlyRegression\n"), out);
        assertTrue(section(out, "clustering strategies:").contains(
                "\n  target-only                  org.transferlab.transfer.clustering.ClusterTargetOnly\n"), out);
        assertTrue(section(out, "clustering strategies:").contains(
                "\n  feature-extraction           org.transferlab.transfer.clustering.EmbeddingClustering\n"), out);
        assertTrue(section(out, "domain loaders:").contains(
                "\n  csv                          org.transferlab.core.loader.csv.CsvLoader\n"), out);
        assertTrue(section(out, "transferability scores (./transferlab forecast):").contains(
                "\n  logme                        org.transferlab.transfer.forecast.LogMe\n"), out);
        String validators = section(out, "validators (selection: NAME; target-validation, the default, reads the budget's labelled "
                + "validation split):");
        for (String name : List.of("source-validation", "iwcv", "dev", "snd", "entropy")) {
            assertTrue(validators.contains("\n  " + name + " "), validators);
        }
        assertTrue(validators.contains("\n  iwcv                         org.transferlab.transfer.selection.Iwcv\n"), validators);
    }

    private static String list() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"list"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    /** The lines from {@code title} to the next blank line. */
    private static String section(String out, String title) {
        int start = out.indexOf(title + "\n");
        assertTrue(start >= 0, "no section " + title + " in:\n" + out);
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end + 1);
    }
}
