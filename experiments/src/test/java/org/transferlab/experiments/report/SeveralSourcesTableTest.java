package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;

class SeveralSourcesTableTest {
    private static final ExperimentConfig CONFIG = new ConfigLoader(Plugins.discover()).parse("study.yaml", """
            name: several
            seeds: 3
            domains:
              a: {loader: synthetic, classes: 3}
              b: {loader: synthetic, classes: 3, shift: 0.3}
              t: {loader: synthetic, classes: 3, shift: 0.5}
            pairs:
              - {sources: [a, b], target: t}
            network: {type: mlp, hidden: [8], epochs: 1}
            strategies: {fine-tuning: {}, pooled: {}}
            budgets: {per-class: [5]}
            """);

    private static StoredResult row(String source, String strategy, int seed, double accuracy) {
        return ResultFixtures.result().pair(source, "t").strategy(strategy).budget(LabelBudget.perClass(5)).seed(seed)
                .metric("accuracy", accuracy).build();
    }

    @Test
    void togetherIsComparedSeedBySeedWithTheBestSingleSourceResultOverEveryStrategy() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            rows.add(row("a", "fine-tuning", seed, 0.60 + 0.01 * seed));
            rows.add(row("b", "fine-tuning", seed, 0.70 + 0.01 * seed));
            rows.add(row("a", "pooled", seed, 0.50));
            rows.add(row("b", "pooled", seed, 0.55));
            rows.add(row("a+b", "fine-tuning", seed, 0.75 + 0.01 * seed));
            rows.add(row("a+b", "pooled", seed, 0.65 + 0.02 * seed));
        }
        String table = SeveralSourcesTable.markdown(CONFIG, rows, "accuracy", 1);
        String expected = """
                ### a + b → t

                | budget | strategy | a alone | b alone | together | best single source | Δ together − best single | 95% CI of Δ | seeds |
                |---|---|---:|---:|---:|---|---:|---|---:|
                | 5/class | fine-tuning | 0.6100 | 0.7100 | 0.7600 | fine-tuning from b (0.7100) | +0.0500 | [+0.0500, +0.0500] | 3 |
                | 5/class | pooled | 0.5000 | 0.5500 | 0.6700 | fine-tuning from b (0.7100) | -0.0400 | [-0.0648, -0.0152] | 3 |
                """;
        assertEquals(expected, table.substring(table.indexOf("### ")).stripTrailing() + "\n");
    }

    @Test
    void lowerIsBetterPicksTheLowestSingleSourceAndAStudyWithoutSeveralSourcesHasNoSection() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < 2; seed++) {
            rows.add(row("a", "fine-tuning", seed, 3.0));
            rows.add(row("b", "fine-tuning", seed, 2.0));
            rows.add(row("a+b", "fine-tuning", seed, 2.5));
        }
        String table = SeveralSourcesTable.markdown(CONFIG, rows, "accuracy", -1);
        assertEquals(true, table.contains("| fine-tuning from b (2.0000) | +0.5000 |"), table);
        assertEquals("", SeveralSourcesTable.markdown(CONFIG, rows.stream().filter(r -> !r.source().equals("a+b")).toList(),
                "accuracy", 1));
    }
}
