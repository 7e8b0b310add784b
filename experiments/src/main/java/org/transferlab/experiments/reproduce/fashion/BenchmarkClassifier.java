package org.transferlab.experiments.reproduce.fashion;

import java.util.List;
import java.util.Optional;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;
import org.transferlab.transfer.ClassificationStrategy;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.NotApplicableException;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.engine.FitSummary;

/**
 * One of the seven classical classifiers of the Fashion-MNIST paper's benchmark (Xiao, Rasul &amp; Vollgraf,
 * "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms", arXiv:1708.07747, 2017,
 * Table 3), as TransferLab's Tribuo and DL4J stand-ins run it (see {@link BenchmarkEntry} for each one's settings
 * and where it differs from scikit-learn's), trained on the label budget's train split alone. A no-transfer
 * baseline: it reads no source. Registered as {@value #NAME}; the {@code fashion-mnist-benchmark} reproduction
 * runs all seven, and any classification study can declare one, e.g.
 * {@code benchmark-classifier@knn: {classifier: knn}}.
 */
public final class BenchmarkClassifier extends ClassificationStrategy<BenchmarkClassifier.Parameters> {
    public static final String NAME = "benchmark-classifier";

    /**
     * @param classifier   rbf-svm, gradient-boosting, random-forest, mlp, knn, logistic-regression or linear-svm
     *                     (default logistic-regression)
     * @param mlpMaxEpochs mlp: epoch limit (scikit-learn's max_iter, default 200)
     * @param xgboostBins  gradient-boosting: histogram bins per feature (XGBoost's default, 256)
     * @param forestTrees  random-forest: trees (the paper's 100)
     */
    public record Parameters(
            @Default("logistic-regression") String classifier,
            @Default("200") int mlpMaxEpochs,
            @Default("256") int xgboostBins,
            @Default("100") int forestTrees) {
        public Parameters {
            if (mlpMaxEpochs < 1 || xgboostBins < 2 || forestTrees < 1) {
                throw new IllegalArgumentException("mlp-max-epochs and forest-trees must be positive, xgboost-bins at least 2");
            }
            List<String> keys = BenchmarkEntry.all(mlpMaxEpochs, xgboostBins, forestTrees).stream().map(BenchmarkEntry::key).toList();
            if (!keys.contains(classifier)) {
                throw new IllegalArgumentException("classifier: unknown classifier '" + classifier + "'; known: "
                        + String.join(", ", keys));
            }
        }

        /** The benchmark's row for this classifier and these settings. */
        BenchmarkEntry entry() {
            return BenchmarkEntry.all(mlpMaxEpochs, xgboostBins, forestTrees).stream().filter(e -> e.key().equals(classifier))
                    .findFirst().orElseThrow();
        }
    }

    public BenchmarkClassifier() {
        super(Parameters.class);
    }

    /** The classifier transfers nothing: it is its own no-transfer line. */
    @Override
    public Optional<Parameters> withoutTransfer(Parameters parameters) {
        return Optional.of(parameters);
    }

    /** Single-threaded, as the benchmark's models ran: the harness runs cells side by side on its workers. */
    /** It learns from the target alone. */
    @Override
    public boolean usesSourceModel(BenchmarkClassifier.Parameters parameters) {
        return false;
    }

    @Override
    public Fitted fit(Parameters p, TransferContext context) {
        if (context.budget().train().size() == 0) {
            throw new NotApplicableException("it needs target labels, and the budget has none");
        }
        long seed = Seeds.derive(context.seed(), NAME, p.classifier());
        return Fitted.classes(p.entry().model().fit(context.budget().train(), context.classCount(), seed, 1), FitSummary.NONE);
    }
}
