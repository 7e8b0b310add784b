package org.transferlab.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduce command as a user types it. */
class ReproduceCommandTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownNameFailsWithTheKnownNamesAndWritesNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"reproduce", "yosinski", "--out", dir.resolve("results").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(TransferLabCommand.USER_ERROR, code);
        assertTrue(err.toString().contains("unknown reproduction 'yosinski'"), err.toString());
        assertTrue(err.toString().contains("fashion-mnist-benchmark") && err.toString().contains("yosinski2014"), err.toString());
        assertFalse(Files.exists(dir.resolve("results")));
    }

    @Test
    void aMissingNameIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(new String[] {"reproduce"}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(2, code);
        assertTrue(err.toString().contains("NAME"), err.toString());
    }

    private String refusedSet(String... sets) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reproduce", "fashion-mnist-benchmark", "--out",
                dir.resolve("results").toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        StringWriter err = new StringWriter();
        int code = TransferLabCommand.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(TransferLabCommand.USER_ERROR, code, err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(dir.resolve("results/fashion-mnist-benchmark")), "nothing written");
        return err.toString().strip();
    }

    @Test
    void aSettingThatDoesNotExistIsNamedWithTheSettingsThereAre() {
        assertEquals("error: --set model=[knn]: no setting 'model'; the settings are train-size, test-per-class, runs, models, "
                + "mlp-max-epochs, xgboost-bins, forest-trees, size-study-model, size-study-sizes, seed", refusedSet("model=[knn]"));
        assertEquals("error: --set runs: expected KEY=VALUE; the settings are train-size, test-per-class, runs, models, "
                + "mlp-max-epochs, xgboost-bins, forest-trees, size-study-model, size-study-sizes, seed", refusedSet("runs"));
    }

    @Test
    void aSettingOfTheWrongTypeOrOutOfRangeIsRefusedBeforeAnythingRuns() {
        String wrongType = refusedSet("runs=two");
        assertTrue(wrongType.contains("runs") && wrongType.contains("an integer"), wrongType);
        assertEquals("error: --set: runs and mlp-max-epochs must be positive, xgboost-bins at least 2", refusedSet("runs=0"));
    }

    @Test
    void settingsAreReplacedOneByOneAndTheRestKept() {
        var quick = new org.transferlab.experiments.reproduce.fashion.FashionMnistBenchmark().settings(
                org.transferlab.experiments.reproduce.Reproduction.Mode.QUICK);
        var changed = org.transferlab.experiments.reproduce.SettingsOverrides.apply(quick,
                java.util.List.of("models=[knn, mlp]", "runs=2"));
        assertEquals(java.util.List.of("knn", "mlp"), changed.models());
        assertEquals(2, changed.runs());
        assertEquals(quick.trainSize(), changed.trainSize());
        assertEquals(quick.sizeStudySizes(), changed.sizeStudySizes());
    }
}
