package org.transferlab.experiments.reproduce.daume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.experiments.reproduce.ReproductionFixtures;
import org.transferlab.experiments.reproduce.ReproductionRunner;

/** Runs the Daumé III suite at a tiny size (synthetic regression, fixture images): the pipeline and report, not the paper. */
class Daume2007Test {
    @TempDir
    Path dir;

    private static final Daume2007.Settings TINY = new Daume2007.Settings(2, List.of(6, 20), List.of(2), 0, 0, List.of(8), 1, 30,
            "synthetic");

    @Test
    void runsBothStudiesAndReportsTheSuiteInThePapersLayoutWithThreeClaims() throws Exception {
        ReproductionRunner runner = ReproductionFixtures.runner(dir, 12, 6);
        runner.run(new Daume2007(), TINY, ReproductionFixtures.invocation("daume2007"));
        Path folder = dir.resolve("results/daume2007");
        String report = ReproductionFixtures.checkReport(folder, 3);
        assertTrue(report.contains("| target | size | SRCONLY | TGTONLY | ALL | WEIGHTED | PRED | LININT | PRIOR | AUGMENT |"), report);
        assertTrue(report.contains("| japan | 6 rows |") && report.contains("| europe | 20 rows |"), report);
        assertTrue(report.contains("| rotated | 2 per class |"), report);
        assertTrue(report.contains("little-data.png"), report);
        for (String study : List.of("regression", "classification")) {
            assertTrue(Files.isRegularFile(folder.resolve(study + "/report.md")), study + " report");
            assertTrue(Files.isRegularFile(folder.resolve(study + "/results.csv")), study + " results");
            assertFalse(Files.exists(folder.resolve(study + "/cells")), "per-cell records are not kept in results/");
            assertFalse(Files.exists(folder.resolve(study + "/.lock")), "nor the lock file");
        }
    }

    @Test
    void theQuickSizeUsesAutoMpgAndTheFullSizeMoreSeeds() {
        Daume2007 daume = new Daume2007();
        assertEquals("auto-mpg", daume.settings(org.transferlab.experiments.reproduce.Reproduction.Mode.QUICK).tabular());
        assertTrue(daume.settings(org.transferlab.experiments.reproduce.Reproduction.Mode.FULL).seeds()
                > daume.settings(org.transferlab.experiments.reproduce.Reproduction.Mode.QUICK).seeds());
        assertTrue(Daume2007.regressionConfig(daume.settings(org.transferlab.experiments.reproduce.Reproduction.Mode.QUICK))
                .contains("loader: auto-mpg, origin: japan"));
    }
}
