package org.transferlab.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChartBuilder;

/** The runner publishes a finished reproduction whole, and a failed one not at all. */
class ReproductionRunnerTest {
    @TempDir
    Path dir;

    /** Writes a table and a figure, then either finishes or fails halfway. */
    record Settings(boolean fail, String mark) {
    }

    static final class Scripted implements Reproduction<Settings> {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String paper() {
            return "A. Author, \"A result\", 2000.";
        }

        @Override
        public Settings settings(Mode mode) {
            return new Settings(false, mode.name());
        }

        @Override
        public Findings run(Settings settings, ReproductionContext context) {
            try {
                Files.writeString(context.output().resolve("table.csv"), "x\n" + settings.mark() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (settings.fail()) {
                throw new IllegalStateException("diverged halfway");
            }
            var chart = new XYChartBuilder().width(200).height(100).build();
            chart.addSeries("s", new double[] {1, 2}, new double[] {1, 2});
            String figure = Figures.save(chart, context.output(), "curve", "a curve");
            return new Findings("what was run", List.of(
                    new Claim("a", "it works", "1.0", "0.9", Claim.Verdict.PARTLY, "partly when close"),
                    new Claim("b", "it is fast", "1 s", "2 s", Claim.Verdict.NOT_REPRODUCED, "no when slower")),
                    "## Body\n\n" + figure);
        }
    }

    @Test
    void aFinishedRunIsPublishedWithTheReportFrame() throws IOException {
        ReproductionRunner runner = new ReproductionRunner(dir, dir, org.transferlab.core.loader.fashion.FashionMnistFiles.standard(),
                1, message -> { });
        runner.run(new Scripted(), new Settings(false, "first"), ReproductionFixtures.invocation("scripted"));
        String report = ReproductionFixtures.checkReport(dir.resolve("scripted"), 2);
        assertTrue(report.contains("| (a) it works | 1.0 | 0.9 | **partly** |"), report);
        assertTrue(report.contains("- settings: `Settings[fail=false, mark=first]`"), report);
        assertEquals(List.of("scripted"), visibleAndHidden());
    }

    @Test
    void aFailedRunLeavesTheEarlierResultAndNoStagingFolder() throws IOException {
        ReproductionRunner runner = new ReproductionRunner(dir, dir, org.transferlab.core.loader.fashion.FashionMnistFiles.standard(),
                1, message -> { });
        runner.run(new Scripted(), new Settings(false, "first"), ReproductionFixtures.invocation("scripted"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.run(new Scripted(), new Settings(true, "second"), ReproductionFixtures.invocation("scripted")));
        assertEquals("diverged halfway", e.getMessage());
        assertEquals("x\nfirst\n", Files.readString(dir.resolve("scripted/table.csv")));
        assertEquals(List.of("scripted"), visibleAndHidden());
    }

    @Test
    void aFailedFirstRunLeavesNothing() throws IOException {
        ReproductionRunner runner = new ReproductionRunner(dir.resolve("results"), dir,
                org.transferlab.core.loader.fashion.FashionMnistFiles.standard(), 1, message -> { });
        assertThrows(IllegalStateException.class,
                () -> runner.run(new Scripted(), new Settings(true, "only"), ReproductionFixtures.invocation("scripted")));
        assertFalse(Files.exists(dir.resolve("results/scripted")));
        try (Stream<Path> left = Files.list(dir.resolve("results"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aSuccessfulRunReplacesTheEarlierResult() throws IOException {
        ReproductionRunner runner = new ReproductionRunner(dir, dir, org.transferlab.core.loader.fashion.FashionMnistFiles.standard(),
                1, message -> { });
        runner.run(new Scripted(), new Settings(false, "first"), ReproductionFixtures.invocation("scripted"));
        runner.run(new Scripted(), new Settings(false, "second"), ReproductionFixtures.invocation("scripted"));
        assertEquals("x\nsecond\n", Files.readString(dir.resolve("scripted/table.csv")));
        assertEquals(List.of("scripted"), visibleAndHidden());
    }

    private List<String> visibleAndHidden() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
