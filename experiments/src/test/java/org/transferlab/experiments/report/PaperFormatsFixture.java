package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.config.ConfigLoader;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;

/**
 * A small synthetic study for the paper formats' tests, with made-up results (nothing is trained): one pair whose
 * names need escaping in LaTeX, two budgets, three compared strategies and the oracle, eight seeds. Fine-tuning has
 * the best accuracy at 2 labels per class (better in every seed) and target-only at 5; feature extraction is worse
 * in every seed, so its verdict is negative transfer at both budgets.
 */
final class PaperFormatsFixture {
    static final List<String> STRATEGIES = List.of("target-only", "fine-tuning", "feature-extraction", "oracle");
    static final List<Integer> BUDGETS = List.of(2, 5);
    static final int SEEDS = 8;

    private PaperFormatsFixture() {
    }

    static ExperimentConfig config() {
        return new ConfigLoader(Plugins.discover()).parse("paper_study.yaml", """
                name: paper_study
                seeds: 8
                domains:
                  src_a: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30}
                  tgt_b: {loader: synthetic, classes: 3, features: 4, train-size: 60, test-size: 30, shift: 0.5}
                pairs:
                  - {source: src_a, target: tgt_b}
                network: {hidden: [4], epochs: 1}
                strategies:
                  target-only: {max-epochs: 2}
                  fine-tuning: {max-epochs: 2}
                  feature-extraction: {max-epochs: 2}
                  oracle: {max-epochs: 2}
                budgets:
                  per-class: [2, 5]
                """);
    }

    static List<StoredResult> results() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            for (int budget : BUDGETS) {
                double base = budget == 2 ? 0.60 : 0.80;
                double noise = 0.002 * (seed % 3);
                rows.add(row(seed, budget, "target-only", base + noise));
                rows.add(row(seed, budget, "fine-tuning", base + (budget == 2 ? 0.05 : -0.01) + noise + 0.001 * (seed % 2)));
                rows.add(row(seed, budget, "feature-extraction", base - 0.10 - 0.001 * seed));
                rows.add(row(seed, budget, "oracle", 0.95 + noise));
            }
        }
        return rows;
    }

    private static StoredResult row(int seed, int budget, String strategy, double accuracy) {
        return ResultFixtures.result().pair("src_a", "tgt_b").strategy(strategy).budget(LabelBudget.perClass(budget)).seed(seed)
                .metric("accuracy", accuracy).metric("macro_f1", accuracy - 0.02).build();
    }
}
