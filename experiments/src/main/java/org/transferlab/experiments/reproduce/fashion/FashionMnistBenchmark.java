package org.transferlab.experiments.reproduce.fashion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.experiments.report.Interval;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.reproduce.CsvTable;
import org.transferlab.experiments.reproduce.Figures;
import org.transferlab.experiments.reproduce.Findings;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionContext;
import org.transferlab.experiments.reproduce.ReproductionStudy;
import org.transferlab.experiments.run.StoredResult;

/**
 * The no-transfer baselines of the Fashion-MNIST paper (Xiao, Rasul &amp; Vollgraf, "Fashion-MNIST: a Novel
 * Image Dataset for Benchmarking Machine Learning Algorithms", arXiv:1708.07747, 2017, Table 3): seven
 * classical classifiers trained on Fashion-MNIST's training images and scored on its 10,000 test images,
 * side by side with the paper's accuracies. Quick mode trains on a random subset of the training images;
 * a size study trains one model at several sizes to show how much of a shortfall the subsampling explains.
 */
public final class FashionMnistBenchmark implements Reproduction<FashionMnistBenchmark.Settings> {
    public static final String NAME = "fashion-mnist-benchmark";

    /**
     * @param trainSize      training images drawn at random (seeded) from the 60,000; 0 for all (the paper)
     * @param testPerClass   test images per class, the first of each class's 1,000; 0 for all (the paper)
     * @param runs           repetitions with different training draws and seeds (the paper averaged 5)
     * @param models         which classifiers to run, by key; empty for all seven
     * @param mlpMaxEpochs   epoch limit of the MLP (scikit-learn's max_iter, 200)
     * @param xgboostBins    histogram bins per pixel of the gradient-boosted trees (XGBoost's default 256)
     * @param forestTrees    trees of the random forest (the paper's 100)
     * @param sizeStudyModel the classifier trained at several sizes; empty for no size study
     * @param sizeStudySizes the training sizes of the size study
     * @param seed           base seed of every draw
     */
    public record Settings(
            @Default("5000") int trainSize,
            @Default("0") int testPerClass,
            @Default("1") int runs,
            @Default("[]") List<String> models,
            @Default("200") int mlpMaxEpochs,
            @Default("32") int xgboostBins,
            @Default("100") int forestTrees,
            @Default("") String sizeStudyModel,
            @Default("[]") List<Integer> sizeStudySizes,
            @Default("1") long seed) {
        public Settings {
            models = List.copyOf(models);
            sizeStudySizes = List.copyOf(sizeStudySizes);
            if (trainSize < 0 || testPerClass < 0) {
                throw new IllegalArgumentException("train-size and test-per-class must be 0 (all) or positive");
            }
            if (runs < 1 || mlpMaxEpochs < 1 || xgboostBins < 2 || forestTrees < 1) {
                throw new IllegalArgumentException("runs and mlp-max-epochs must be positive, xgboost-bins at least 2");
            }
            if (sizeStudySizes.stream().anyMatch(s -> s < 1)) {
                throw new IllegalArgumentException("size-study-sizes must be positive, got " + sizeStudySizes);
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String paper() {
        return "Han Xiao, Kashif Rasul and Roland Vollgraf, \"Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine "
                + "Learning Algorithms\", arXiv:1708.07747, 2017 (v1, Table 3: scikit-learn classifiers, the mean test accuracy "
                + "of 5 runs, the best setting per classifier).";
    }

    @Override
    public Settings settings(Mode mode) {
        return mode == Mode.FULL
                ? new Settings(0, 0, 5, List.of(), 200, 256, 100, "", List.of(), 1)
                : new Settings(5_000, 0, 1, List.of(), 200, 32, 20, "logistic-regression", List.of(2_500, 10_000, 20_000), 1);
    }

    /** Fashion-MNIST's training images, all of which the paper trained on. */
    private static final int TRAIN_IMAGES = 60_000;
    /** The folders of the two studies, under the results. */
    static final String STUDY = "study";
    static final String SIZE_STUDY = "size-study";

    private record Task(BenchmarkEntry entry, int run, int trainSize, boolean sizeStudy) {
    }

    private record Score(Task task, int trainSize, int testSize, double accuracy, double macroF1, double seconds) {
    }

    @Override
    public Findings run(Settings s, ReproductionContext context) {
        List<BenchmarkEntry> entries = selected(s);
        Plugins plugins = Plugins.discover();
        List<Score> scores = new ArrayList<>(scores(ReproductionStudy.run(config(s, entries, List.of(s.trainSize()), s.runs(), STUDY),
                STUDY, NAME, plugins, context), entries, false));
        List<Integer> extraSizes = s.sizeStudySizes().stream().filter(size -> size != s.trainSize()).toList();
        List<BenchmarkEntry> sized = entries.stream().filter(e -> e.key().equals(s.sizeStudyModel())).toList();
        if (!sized.isEmpty() && !extraSizes.isEmpty()) {
            scores.addAll(scores(ReproductionStudy.run(config(s, sized, extraSizes, 1, SIZE_STUDY), SIZE_STUDY, NAME, plugins,
                    context), entries, true));
        }
        int testSize = scores.get(0).testSize();

        CsvTable table = new CsvTable("classifier", "run", "train_size", "test_size", "accuracy", "macro_f1", "seconds",
                "paper_accuracy", "size_study");
        for (Score score : scores) {
            table.add(score.task().entry().key(), score.task().run(), score.trainSize(), score.testSize(), fmt(score.accuracy()),
                    fmt(score.macroF1()), String.format(Locale.ROOT, "%.1f", score.seconds()), score.task().entry().paperAccuracy(),
                    score.task().sizeStudy());
        }
        table.write(context.output().resolve("benchmark.csv"));

        Map<BenchmarkEntry, double[]> means = new LinkedHashMap<>();
        for (BenchmarkEntry entry : entries) {
            List<Score> main = scores.stream().filter(x -> x.task().entry() == entry && !x.task().sizeStudy()).toList();
            Interval accuracy = Interval.of(main.stream().map(Score::accuracy).toList());
            // mean accuracy, mean seconds, training size, half-width of the accuracy's 95% CI over runs (NaN for one run)
            means.put(entry, new double[] {accuracy.mean(), main.stream().mapToDouble(Score::seconds).average().orElse(Double.NaN),
                main.get(0).trainSize(), accuracy.high() - accuracy.mean()});
        }
        int trainUsed = (int) means.values().iterator().next()[2];
        StringBuilder body = new StringBuilder();
        body.append("## Accuracy, side by side\n\n")
                .append("| classifier (paper) | paper's settings | paper | ours | Δ | ours: library and settings | train s |\n")
                .append("|---|---|---:|---:|---:|---|---:|\n");
        means.forEach((entry, m) -> body.append("| ").append(entry.paperClassifier()).append(" | ").append(entry.paperSettings())
                .append(" | ").append(fmt3(entry.paperAccuracy())).append(" | ").append(fmt3(m[0])).append(" | ")
                .append(String.format(Locale.ROOT, "%+.3f", m[0] - entry.paperAccuracy())).append(" | ").append(entry.ours())
                .append(" | ").append(String.format(Locale.ROOT, "%.0f", m[1])).append(" |\n"));
        body.append("\n").append(Figures.save(comparisonChart(means), context.output(), "accuracy",
                "paper and ours, per classifier")).append("\n");

        List<Score> study = scores.stream().filter(x -> x.task().entry().key().equals(s.sizeStudyModel())
                && (x.task().sizeStudy() || x.task().run() == 0)).sorted(Comparator.comparingInt(Score::trainSize)).toList();
        if (study.size() > 1) {
            body.append(sizeStudy(study, context));
        }
        body.append(shortfalls(means, trainUsed, TRAIN_IMAGES, s, study));

        List<Claim> claims = new ArrayList<>();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        Map<BenchmarkEntry, Double> ours = new LinkedHashMap<>();
        means.forEach((entry, m) -> ours.put(entry, m[0]));
        ours.forEach((entry, accuracy) -> claims.add(BenchmarkClaims.perClassifier(String.valueOf(letters.charAt(claims.size())),
                entry, accuracy)));
        claims.add(BenchmarkClaims.mostAccurate(String.valueOf(letters.charAt(claims.size())), ours));

        String protocol = String.format(Locale.ROOT, "Fashion-MNIST, all 10 classes, pixels scaled to [0, 1]. Trained on %s of the "
                        + "%,d training images%s; scored on %,d test images%s. %d run(s) per classifier (the paper averaged 5 runs "
                        + "with shuffled training data); runs draw their training images and seeds from base seed %d. "
                        + "Classifiers run in parallel on %d worker thread(s), each model single-threaded; the train time column "
                        + "counts fitting and predicting the test set.",
                s.trainSize() == 0 ? "all" : String.format(Locale.ROOT, "%,d", trainUsed), TRAIN_IMAGES,
                s.trainSize() == 0 ? " (the paper's protocol)" : ", drawn uniformly at random (quick mode: the paper trained on all "
                        + String.format(Locale.ROOT, "%,d", TRAIN_IMAGES) + ")",
                testSize, s.testPerClass() == 0 ? " (all, as the paper)" : " (the first of each class only)",
                s.runs(), s.seed(), context.threads());
        return new Findings(protocol, claims, body.toString());
    }

    private static List<BenchmarkEntry> selected(Settings s) {
        List<BenchmarkEntry> all = BenchmarkEntry.all(s.mlpMaxEpochs(), s.xgboostBins(), s.forestTrees());
        if (s.models().isEmpty()) {
            return all;
        }
        for (String key : s.models()) {
            if (all.stream().noneMatch(e -> e.key().equals(key))) {
                throw new TransferLabException("models: unknown classifier '" + key + "'; known: "
                        + String.join(", ", all.stream().map(BenchmarkEntry::key).toList()));
            }
        }
        return all.stream().filter(e -> s.models().contains(e.key())).toList();
    }

    /**
     * The study: the target alone (no source), every selected classifier as a {@code benchmark-classifier} entry, a
     * total budget per training size drawn at random from the training images without a validation split (the
     * classifiers select nothing), one seed per run.
     */
    static String config(Settings s, List<BenchmarkEntry> entries, List<Integer> trainSizes, int runs, String study) {
        StringBuilder yaml = new StringBuilder(String.format(Locale.ROOT, "name: %s%s%nseed: %d%nseeds: %d%n", NAME,
                study.equals(STUDY) ? "" : "-" + study, s.seed(), runs));
        yaml.append(String.format(Locale.ROOT, "domains:%n  fashion-mnist: {loader: fashion-mnist, test-per-class: %d}%n",
                s.testPerClass()));
        yaml.append("pairs:\n  - {target: fashion-mnist}\n");
        yaml.append("# Required by every study; the classifiers do not use it (the benchmark's MLP has its own settings).\n");
        yaml.append("network: {type: mlp, hidden: [100], epochs: 1}\nstrategies:\n");
        for (BenchmarkEntry entry : entries) {
            yaml.append(String.format(Locale.ROOT, "  %s@%s: {classifier: %s, mlp-max-epochs: %d, xgboost-bins: %d, "
                    + "forest-trees: %d}%n", BenchmarkClassifier.NAME, entry.key(), entry.key(), s.mlpMaxEpochs(), s.xgboostBins(),
                    s.forestTrees()));
        }
        yaml.append(String.format(Locale.ROOT, "budgets:%n  total: %s%n  validation-fraction: 0%n",
                trainSizes.stream().map(size -> size == 0 ? TRAIN_IMAGES : size).toList()));
        return yaml.toString();
    }

    private static List<Score> scores(List<StoredResult> rows, List<BenchmarkEntry> entries, boolean sizeStudy) {
        List<Score> scores = new ArrayList<>();
        for (StoredResult row : rows) {
            String key = row.strategy().substring(row.strategy().indexOf('@') + 1);
            BenchmarkEntry entry = entries.stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
            Task task = new Task(entry, row.seed(), row.sizes().train(), sizeStudy);
            scores.add(new Score(task, row.sizes().train(), row.sizes().test(), row.metrics().get(ClassificationMetrics.ACCURACY),
                    row.metrics().get(ClassificationMetrics.MACRO_F1), row.timings().fitSeconds() + row.timings().evalSeconds()));
        }
        return scores;
    }

    /**
     * Paper and ours side by side per classifier; the bars start at 0 so that their lengths compare, and ours
     * carry the 95% CI over runs when there are several.
     */
    static CategoryChart comparisonChart(Map<BenchmarkEntry, double[]> means) {
        boolean intervals = means.values().stream().anyMatch(m -> m.length > 3 && Double.isFinite(m[3]));
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480)
                .title("Fashion-MNIST test accuracy: paper (Xiao et al. 2017) and TransferLab" + (intervals ? " (ours: 95% CI over runs)" : ""))
                .xAxisTitle("classifier").yAxisTitle("test accuracy (axis from 0; higher is better)").build();
        List<String> names = means.keySet().stream().map(BenchmarkEntry::key).toList();
        List<Number> ours = means.values().stream().map(m -> (Number) m[0]).toList();
        chart.addSeries("paper", names, means.keySet().stream().map(e -> (Number) e.paperAccuracy()).toList())
                .setYAxisDecimalPattern("0.000");
        (intervals ? chart.addSeries("ours", names, ours, means.values().stream()
                .map(m -> (Number) (m.length > 3 && Double.isFinite(m[3]) ? m[3] : 0)).toList())
                : chart.addSeries("ours", names, ours)).setYAxisDecimalPattern("0.000");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        // Differences of a few points do not show in bars from 0: each bar carries its value.
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsRotation(90);
        chart.getStyler().setLabelsPosition(0.85);
        chart.getStyler().setXAxisLabelRotation(20);
        return chart;
    }

    private static String sizeStudy(List<Score> study, ReproductionContext context) {
        BenchmarkEntry entry = study.get(0).task().entry();
        XYChart chart = sizeStudyChart(entry, study.stream().mapToInt(Score::trainSize).toArray(),
                study.stream().mapToDouble(Score::accuracy).toArray());
        StringBuilder out = new StringBuilder("## How much the training size explains\n\n");
        out.append("The same classifier (").append(entry.key()).append(", ").append(entry.ours())
                .append(") trained on random subsets of several sizes, one run each:\n\n")
                .append("| training images | accuracy | seconds |\n|---:|---:|---:|\n");
        study.forEach(x -> out.append(String.format(Locale.ROOT, "| %,d | %.4f | %.0f |%n", x.trainSize(), x.accuracy(), x.seconds())));
        out.append(String.format(Locale.ROOT, "| 60,000 (paper, scikit-learn) | %.3f | |%n", entry.paperAccuracy()));
        out.append("\n").append(Figures.save(chart, context.output(), "size-study", "accuracy against training size")).append("\n");
        return out.toString();
    }

    /** Accuracy against training size on a log axis labelled at 1, 2 and 5 times a power of ten, the paper's at 60,000. */
    static XYChart sizeStudyChart(BenchmarkEntry entry, int[] sizes, double[] accuracies) {
        XYChart chart = new XYChartBuilder().width(760).height(480).title(entry.key() + ": test accuracy against training size")
                .xAxisTitle("training images (log scale)").yAxisTitle("test accuracy (higher is better)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        // XChart labels only the decades of a log axis, one label over 2,500 to 60,000 images; label more, and
        // leave the ticks between them blank (a space: XChart cannot lay out an empty label).
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(FashionMnistBenchmark::oneTwoFive);
        chart.addSeries("ours", java.util.Arrays.stream(sizes).asDoubleStream().toArray(), accuracies).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("paper (60,000)", new double[] {60_000}, new double[] {entry.paperAccuracy()})
                .setMarker(SeriesMarkers.DIAMOND);
        return chart;
    }

    private static String oneTwoFive(double value) {
        double mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
        boolean labelled = Math.abs(mantissa - 1) < 1e-6 || Math.abs(mantissa - 2) < 1e-6 || Math.abs(mantissa - 5) < 1e-6;
        return labelled ? String.format(Locale.ROOT, "%,.0f", value) : " ";
    }

    private static String shortfalls(Map<BenchmarkEntry, double[]> means, int trainUsed, int trainAll, Settings s,
                                     List<Score> study) {
        StringBuilder out = new StringBuilder("## Where we fall short of the paper by more than a point, and why\n\n");
        boolean any = false;
        String slope = "";
        if (study.size() > 1) {
            Score smallest = study.get(0);
            Score largest = study.get(study.size() - 1);
            slope = String.format(Locale.ROOT, " In the size study, %s gained %+.3f from %,d to %,d training images (%+.3f per doubling).",
                    smallest.task().entry().key(), largest.accuracy() - smallest.accuracy(), smallest.trainSize(), largest.trainSize(),
                    (largest.accuracy() - smallest.accuracy()) / (Math.log((double) largest.trainSize() / smallest.trainSize()) / Math.log(2)));
        }
        for (Map.Entry<BenchmarkEntry, double[]> e : means.entrySet()) {
            double gap = e.getValue()[0] - e.getKey().paperAccuracy();
            if (BenchmarkClaims.within(gap, BenchmarkClaims.TOLERANCE)) {
                continue;
            }
            any = true;
            out.append("- **").append(e.getKey().paperClassifier()).append("**: ")
                    .append(String.format(Locale.ROOT, "%+.3f. ", gap));
            if (trainUsed < trainAll) {
                out.append(String.format(Locale.ROOT, "Trained on %,d of %,d images (%.0f%%).", trainUsed, trainAll,
                        100.0 * trainUsed / trainAll)).append(slope).append(" ");
            }
            out.append("Differences in the model: ").append(e.getKey().ours()).append(".");
            if (s.runs() < 5) {
                out.append(" One run, where the paper averaged five.");
            }
            out.append("\n");
        }
        if (!any) {
            out.append("None: every classifier is within ").append(BenchmarkClaims.TOLERANCE).append(" of the paper's accuracy or above it.\n");
        }
        return out.append("\n").toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String fmt3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
