package org.transferlab.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transferlab.core.loader.fashion.FashionMnistFiles;
import org.transferlab.core.loader.fashion.IdxFixtures;

/** Runs reproductions on tiny Fashion-MNIST-shaped fixtures and checks the report's structure. */
public final class ReproductionFixtures {
    private ReproductionFixtures() {
    }

    /** A runner over a fixture data directory under {@code dir}, publishing into {@code dir/results}. */
    public static ReproductionRunner runner(Path dir, int trainPerClass, int testPerClass) throws IOException {
        Path data = dir.resolve("data");
        IdxFixtures.fashionMnist(data.resolve("fashion-mnist"), trainPerClass, testPerClass);
        return new ReproductionRunner(dir.resolve("results"), data,
                new FashionMnistFiles(List.of(), Optional.empty(), Map.of()), 2, message -> { });
    }

    public static Invocation invocation(String name) {
        return new Invocation("./transferlab reproduce " + name, "test",
                Map.of("git-commit", "0123abc", "git-dirty", "false", "os", "Linux test", "cores", "2", "java", "17"));
    }

    /**
     * Checks what every reproduction report must hold: the command, machine, wall time and commit lines, a claims
     * table with the paper's number, ours and a verdict per claim, and the figures it links, as PNG and SVG.
     */
    public static String checkReport(Path folder, int claims) throws IOException {
        Path report = folder.resolve(ReproductionRunner.REPORT);
        assertTrue(Files.isRegularFile(report), "no report.md in " + folder);
        String text = Files.readString(report);
        for (String line : List.of("- command: `./transferlab reproduce ", "- machine: Linux test, 2 cores", "- wall time: ",
                "- commit: 0123abc (uncommitted changes: false)", "## Protocol as run", ReproductionReport.CLAIMS_HEADING,
                "| claim | the paper | this run | reproduced | how it was decided |")) {
            assertTrue(text.contains(line), "report.md lacks '" + line + "':\n" + text);
        }
        String table = text.substring(text.indexOf(ReproductionReport.CLAIMS_HEADING));
        Matcher rows = Pattern.compile("(?m)^\\| \\([a-z]\\) .*\\| \\*\\*(yes|partly|no|inconclusive)\\*\\* \\|").matcher(table);
        int found = 0;
        while (rows.find()) {
            found++;
        }
        assertEquals(claims, found, "claim rows with a verdict in:\n" + table);
        Matcher figures = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\.png\\)").matcher(text);
        int figureCount = 0;
        while (figures.find()) {
            figureCount++;
            String name = figures.group(1);
            assertTrue(Files.size(folder.resolve(name + ".png")) > 0, name + ".png is missing or empty");
            assertTrue(Files.readString(folder.resolve(name + ".svg")).contains("<svg"), name + ".svg is not an SVG");
        }
        assertTrue(figureCount > 0, "the report shows no figure");
        return text;
    }
}
