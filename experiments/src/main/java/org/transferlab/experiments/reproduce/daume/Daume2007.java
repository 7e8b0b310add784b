package org.transferlab.experiments.reproduce.daume;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.reproduce.Findings;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionContext;
import org.transferlab.experiments.reproduce.ReproductionStudy;
import org.transferlab.experiments.run.StoredResult;
import org.transferlab.transfer.StrategyBindings;

/**
 * The baseline suite of Daumé III, "Frustratingly Easy Domain Adaptation" (ACL 2007) — SRCONLY, TGTONLY,
 * ALL, WEIGHTED, PRED, LININT, PRIOR and AUGMENT — on a regression pair (Auto MPG, American cars → Japanese
 * and European ones) and a classification pair (Fashion-MNIST upright → rotated), with Chelba &amp; Acero's
 * "little data can help a lot" (EMNLP 2004): error against target size for TGTONLY and PRIOR. Each part is
 * an ordinary TransferLab study, run by the harness, whose own report sits beside this one.
 *
 * <p>The paper's learner is a maximum-entropy classifier on NLP tasks, so its numbers are not comparable
 * with these; its claims are about the ranking of the methods, and that is what is checked.
 */
public final class Daume2007 implements Reproduction<Daume2007.Settings> {
    public static final String NAME = "daume2007";
    /** The paper's columns, in its order, and the TransferLab strategy behind each, per task. */
    static final List<String> COLUMNS = List.of("SRCONLY", "TGTONLY", "ALL", "WEIGHTED", "PRED", "LININT", "PRIOR", "AUGMENT");
    private static final Map<String, String> REGRESSION = columns("source-only", "target-only", "pooled", "weighted", "pred",
            "linint", "prior", "augment");
    private static final Map<String, String> CLASSIFICATION = columns("source-only", "target-only", "pooled", "weighted", "pred",
            "linint", "l2-sp", "augment");

    /**
     * @param seeds          seeds per cell
     * @param mpgRows        target budgets (labelled rows) of the Auto MPG pairs
     * @param imagesPerClass target budgets (labels per class) of the Fashion-MNIST pair
     * @param trainPerClass  Fashion-MNIST training images per class (0: all)
     * @param testPerClass   Fashion-MNIST test images per class (0: all)
     * @param hidden         hidden layers of the MLP every classification strategy uses
     * @param epochs         source training epochs of that MLP
     * @param rotation       degrees the target images are rotated by
     * @param tabular        auto-mpg (the paper-style regression pairs) or synthetic (tests: no data files needed)
     */
    public record Settings(@Default("5") int seeds, @Default("[5, 10, 20, 40]") List<Integer> mpgRows,
                           @Default("[10, 50]") List<Integer> imagesPerClass, @Default("1000") int trainPerClass,
                           @Default("300") int testPerClass, @Default("[128]") List<Integer> hidden, @Default("3") int epochs,
                           @Default("30") double rotation, @Default("auto-mpg") String tabular) {
        public Settings {
            mpgRows = List.copyOf(mpgRows);
            imagesPerClass = List.copyOf(imagesPerClass);
            hidden = List.copyOf(hidden);
            if (seeds < 2) {
                throw new IllegalArgumentException("seeds must be at least 2, for a spread, got " + seeds);
            }
            if (mpgRows.isEmpty() || imagesPerClass.isEmpty()) {
                throw new IllegalArgumentException("mpg-rows and images-per-class need at least one budget each");
            }
            if (!List.of("auto-mpg", "synthetic").contains(tabular)) {
                throw new IllegalArgumentException("tabular must be auto-mpg or synthetic, got '" + tabular + "'");
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String paper() {
        return "Hal Daumé III, \"Frustratingly Easy Domain Adaptation\", ACL 2007; with Ciprian Chelba and Alex Acero, "
                + "\"Adaptation of Maximum Entropy Capitalizer: Little Data Can Help a Lot\", EMNLP 2004.";
    }

    @Override
    public Settings settings(Mode mode) {
        return mode == Mode.FULL
                ? new Settings(20, List.of(5, 10, 20, 40), List.of(10, 50, 100), 0, 0, List.of(256, 128), 5, 30, "auto-mpg")
                : new Settings(5, List.of(5, 10, 20, 40), List.of(10, 50), 1000, 300, List.of(128), 3, 30, "auto-mpg");
    }

    @Override
    public Findings run(Settings s, ReproductionContext context) {
        Plugins plugins = Plugins.discover();
        Map<String, String> classification = available(CLASSIFICATION, plugins, TaskType.CLASSIFICATION);
        List<StoredResult> regressionRows = ReproductionStudy.run(regressionConfig(s), "regression", NAME, plugins, context);
        List<StoredResult> classificationRows = ReproductionStudy.run(classificationConfig(s, classification), "classification",
                NAME, plugins, context);

        SuiteTable regressionTable = SuiteTable.of(regressionRows, REGRESSION, "rmse", false);
        SuiteTable classificationTable = SuiteTable.of(classificationRows, classification, "accuracy", true);
        String figure = LittleDataFigure.write(regressionRows, context.output());

        List<Claim> claims = List.of(
                SuiteClaims.augmentBestOrTied(regressionTable, classificationTable),
                SuiteClaims.augmentBeatsBothWhenTargetSuffices(regressionTable, classificationTable),
                SuiteClaims.littleDataHelps(regressionTable));

        String protocol = String.format(Locale.ROOT, "Two TransferLab studies, %d seeds each. Regression: %s, ridge "
                        + "regressions on standardised features (l2 1.0), target budgets of %s labelled rows (a fifth kept for "
                        + "validation); PRIOR's λ chosen per cell on validation from {1, 10, 100}. Classification: Fashion-MNIST "
                        + "(%s training and %s test images per class) upright → rotated by %.0f°, source and target on disjoint "
                        + "halves of the training images, an MLP %s trained %d epochs on the source; %s labels per class; the "
                        + "network strategies stand in for the paper's maximum-entropy learner (PRIOR is l2-sp, the weight penalty "
                        + "toward the source network). Errors are test RMSE (MPG) and test error rate.",
                s.seeds(), s.tabular().equals("auto-mpg") ? "Auto MPG, American cars → Japanese and → European cars (missing "
                        + "horsepower imputed with the train mean)" : "synthetic linear domains (test size)",
                s.mpgRows(), s.trainPerClass() == 0 ? "all" : s.trainPerClass(),
                s.testPerClass() == 0 ? "all" : s.testPerClass(), s.rotation(), s.hidden(), s.epochs(), s.imagesPerClass());
        StringBuilder body = new StringBuilder();
        body.append("## Results in the layout of the paper's Table 2\n\n")
                .append("Rows are target domains and sizes, columns the methods; each cell is the mean error over seeds ± its ")
                .append("standard deviation; the lowest mean in a row is in bold, and a method whose paired t-test against it ")
                .append("gives p ≥ 0.05 is marked ≈ (tied).\n\n### Regression: test RMSE (miles per gallon)\n\n")
                .append(regressionTable.markdown())
                .append("\n### Classification: test error rate\n\n").append(classificationTable.markdown());
        List<String> missing = COLUMNS.stream().filter(c -> !classification.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            body.append("\nNot run for classification (no classification strategy registered for them here): ")
                    .append(String.join(", ", missing)).append(".\n");
        }
        body.append("\n## Little data can help a lot (Chelba & Acero)\n\n").append(figure)
                .append("\nEach study's full report (every comparison with its confidence interval and paired tests, plots, ")
                .append("provenance) is in `regression/report.md` and `classification/report.md`; per-cell results in their ")
                .append("`results.csv`.\n");
        return new Findings(protocol, claims, body.toString());
    }

    static String regressionConfig(Settings s) {
        String domains = s.tabular().equals("auto-mpg") ? """
                  usa:    {loader: auto-mpg, origin: usa, missing: impute}
                  japan:  {loader: auto-mpg, origin: japan, missing: impute}
                  europe: {loader: auto-mpg, origin: europe, missing: impute}
                """ : """
                  usa:    {loader: synthetic, task: regression, features: 6, train-size: 200, test-size: 60}
                  japan:  {loader: synthetic, task: regression, features: 6, train-size: 60, test-size: 30, shift: 0.5, sample-seed: 8}
                  europe: {loader: synthetic, task: regression, features: 6, train-size: 60, test-size: 30, shift: 0.8, sample-seed: 9}
                """;
        return "name: daume2007-regression\nseed: 1\nseeds: " + s.seeds() + "\ndomains:\n" + domains + """
                pairs:
                  - {source: usa, target: japan}
                  - {source: usa, target: europe}
                network: {type: mlp, hidden: [8], epochs: 1}
                strategies:
                  source-only: {}
                  target-only: {}
                  pooled: {}
                  weighted: {}
                  pred: {}
                  linint: {}
                  prior: {lambda: [1, 10, 100]}
                  augment: {}
                budgets:
                  total: %s
                  validation-fraction: 0.2
                """.formatted(s.mpgRows());
    }

    static String classificationConfig(Settings s, Map<String, String> strategies) {
        StringBuilder list = new StringBuilder();
        strategies.values().forEach(name -> list.append("  ").append(name).append(": {}\n"));
        return """
                name: daume2007-classification
                seed: 1
                seeds: %d
                domains:
                  upright: {loader: fashion-mnist, train-per-class: %d, test-per-class: %d}
                  rotated: {loader: fashion-mnist, rotation: %s, train-per-class: %d, test-per-class: %d}
                pairs:
                  - {source: upright, target: rotated}
                network: {type: mlp, hidden: %s, epochs: %d, batch-size: 64, learning-rate: 0.001}
                strategies:
                %sbudgets:
                  per-class: %s
                  validation-fraction: 0.2
                """.formatted(s.seeds(), s.trainPerClass(), s.testPerClass(), s.rotation(), s.trainPerClass(),
                s.testPerClass(), s.hidden(), s.epochs(), list, s.imagesPerClass());
    }

    private static Map<String, String> columns(String... strategies) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < strategies.length; i++) {
            byColumn.put(COLUMNS.get(i), strategies[i]);
        }
        return byColumn;
    }

    /** The columns whose strategy this installation has for {@code task}. */
    private static Map<String, String> available(Map<String, String> columns, Plugins plugins, TaskType task) {
        Map<String, String> present = new LinkedHashMap<>();
        columns.forEach((column, strategy) -> {
            if (StrategyBindings.registry(plugins, task).contains(strategy)) {
                present.put(column, strategy);
            }
        });
        return present;
    }
}
