package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.experiments.config.PairEntry;
import org.transferlab.experiments.run.StoredResult;

/**
 * For each pair of several sources, whether using them together beat the best single source. Per budget and
 * strategy: the strategy's mean score from each source alone and from all together, and the paired difference, seed
 * by seed, between together and the best single-source result of the budget, over every strategy and source (the one
 * with the best mean: picked with hindsight, so the comparison favours the single source, and a gain that survives it
 * is not an artefact of choosing). Seeds pair because every pair of the group draws the same budget for a seed index.
 */
final class SeveralSourcesTable {
    private SeveralSourcesTable() {
    }

    /** The section's Markdown; empty when the study has no pair of several sources. */
    static String markdown(ExperimentConfig config, List<StoredResult> rows, String metric, int direction) {
        StringBuilder out = new StringBuilder();
        for (PairEntry pair : config.pairs().stream().filter(PairEntry::hasSeveralSources).toList()) {
            String together = String.join("+", pair.sources());
            List<StoredResult> ofPair = rows.stream().filter(r -> r.ok() && r.target().equals(pair.target())
                    && (r.source().equals(together) || pair.sources().contains(r.source()))).toList();
            if (ofPair.stream().noneMatch(r -> r.source().equals(together))) {
                continue;
            }
            out.append("### ").append(pair.label()).append("\n\n| budget | strategy | ")
                    .append(pair.sources().stream().map(s -> s + " alone").collect(Collectors.joining(" | ")))
                    .append(" | together | best single source | Δ together − best single | 95% CI of Δ | seeds |\n|---|---|")
                    .append("---:|".repeat(pair.sources().size())).append("---:|---|---:|---|---:|\n");
            Set<LabelBudget> budgets = ofPair.stream().map(StoredResult::budget).collect(Collectors.toCollection(LinkedHashSet::new));
            for (LabelBudget budget : budgets) {
                List<StoredResult> atBudget = ofPair.stream().filter(r -> r.budget().equals(budget)).toList();
                Optional<Map.Entry<String, Map<Integer, Double>>> best = bestSingle(atBudget, together, metric, direction);
                for (String strategy : atBudget.stream().filter(r -> r.source().equals(together)).map(StoredResult::strategy)
                        .distinct().toList()) {
                    out.append("| ").append(budget.label()).append(" | ").append(strategy).append(" | ");
                    for (String source : pair.sources()) {
                        out.append(mean(scores(atBudget, source, strategy, metric))).append(" | ");
                    }
                    Map<Integer, Double> combined = scores(atBudget, together, strategy, metric);
                    out.append(mean(combined)).append(" | ");
                    if (best.isEmpty()) {
                        out.append("— | | | |\n");
                        continue;
                    }
                    List<Double> differences = new ArrayList<>();
                    combined.forEach((seed, score) -> {
                        Double single = best.get().getValue().get(seed);
                        if (single != null) {
                            differences.add(score - single);
                        }
                    });
                    Interval delta = Interval.of(differences);
                    out.append(best.get().getKey()).append(" (").append(mean(best.get().getValue())).append(") | ")
                            .append(String.format(Locale.ROOT, "%+.4f", delta.mean())).append(" | ")
                            .append(delta.defined() ? String.format(Locale.ROOT, "[%+.4f, %+.4f]", delta.low(), delta.high()) : "")
                            .append(" | ").append(delta.n()).append(" |\n");
                }
            }
            out.append("\n");
        }
        if (out.length() == 0) {
            return "";
        }
        return "\n## Several sources\n\nDoes using the sources together beat the best single one? Mean test " + metric
                + " over seeds of each strategy from each source alone and from all together (`pooled` and the other strategies "
                + "see the sources' union and a source network trained on it; `best-source` and `source-ensemble` use them "
                + "apart). Δ is paired by seed against the best single-source result of the budget, over every strategy and "
                + "source, picked by its mean test score: hindsight the single source gets for free, so an interval of Δ "
                + (direction < 0 ? "below" : "above") + " zero is a gain of combining that choosing cannot explain. The "
                + "intervals are not corrected for the number of rows.\n\n" + out;
    }

    /** The single-source (strategy, source) whose mean score is best at this budget, with its scores by seed. */
    private static Optional<Map.Entry<String, Map<Integer, Double>>> bestSingle(List<StoredResult> atBudget, String together,
                                                                                String metric, int direction) {
        Map<String, Map<Integer, Double>> singles = new LinkedHashMap<>();
        atBudget.stream().filter(r -> !r.source().equals(together)).forEach(r -> singles
                .computeIfAbsent(r.strategy() + " from " + r.source(), k -> new LinkedHashMap<>()).put(r.seed(), r.metric(metric)));
        return singles.entrySet().stream().max(Comparator.comparingDouble(e -> direction * average(e.getValue())));
    }

    private static Map<Integer, Double> scores(List<StoredResult> rows, String source, String strategy, String metric) {
        Map<Integer, Double> bySeed = new LinkedHashMap<>();
        rows.stream().filter(r -> r.source().equals(source) && r.strategy().equals(strategy))
                .forEach(r -> bySeed.put(r.seed(), r.metric(metric)));
        return bySeed;
    }

    private static double average(Map<Integer, Double> scores) {
        return scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String mean(Map<Integer, Double> scores) {
        return scores.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.4f", average(scores));
    }
}
