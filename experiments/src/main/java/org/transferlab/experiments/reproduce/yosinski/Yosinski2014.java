package org.transferlab.experiments.reproduce.yosinski;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.core.seed.Seeds;
import org.transferlab.experiments.reproduce.Claim;
import org.transferlab.experiments.reproduce.CsvTable;
import org.transferlab.experiments.reproduce.Figures;
import org.transferlab.experiments.reproduce.Findings;
import org.transferlab.experiments.reproduce.Reproduction;
import org.transferlab.experiments.reproduce.ReproductionContext;
import org.transferlab.experiments.reproduce.ReproductionStudy;
import org.transferlab.experiments.run.StoredResult;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.network.LayerTransfer;
import org.transferlab.transfer.engine.NetworkSpec;

/**
 * Yosinski, Clune, Bengio &amp; Lipson, "How transferable are features in deep neural networks?", NeurIPS 2014,
 * Figure 2, on Fashion-MNIST: the ten classes are split at random into two halves A and B; baseA and baseB
 * are trained on them; for every n from 1 to the number of hidden layers, the first n layers of baseA
 * (AnB) or of baseB (BnB) are copied into a fresh network, frozen (AnB, BnB) or fine-tuned (AnB+, BnB+),
 * and the rest is trained on B. Every network is scored on B's test images. The paper's ImageNet numbers
 * are context for the shape of the curves, not targets.
 */
public final class Yosinski2014 implements Reproduction<Yosinski2014.Settings> {
    public static final String NAME = "yosinski2014";
    /** The folder of the reproduction's study, under its results. */
    static final String STUDY = "study";
    private static final int FASHION_TRAIN_PER_CLASS = 6_000;

    /**
     * @param splits        random A/B splits of the ten classes (the paper used two; quick mode uses four); the claims'
     *                      intervals treat the splits as the independent replicates, with splits - 1 degrees of freedom,
     *                      so 2 splits can show only large, consistent effects (t = 12.7) and 1 split none
     * @param seeds         repetitions per split, each with its own initialisations and data order
     * @param trainPerClass training images per class, 0 for all 6,000 (the first of each class)
     * @param testPerClass  test images per class, 0 for all 1,000
     * @param hidden        the MLP's hidden layers; their number is L, the largest n
     * @param epochs        training epochs of every network (the paper trains every network the same way)
     * @param batchSize     minibatch size
     * @param learningRate  Adam learning rate of every network, fine-tuned layers included (as in the paper)
     * @param seed          base seed of the splits, initialisations and data orders
     */
    public record Settings(
            @Default("4") int splits,
            @Default("2") int seeds,
            @Default("600") int trainPerClass,
            @Default("0") int testPerClass,
            @Default("[128, 128, 128, 128, 128]") List<Integer> hidden,
            @Default("8") int epochs,
            @Default("64") int batchSize,
            @Default("0.001") double learningRate,
            @Default("1") long seed) {
        public Settings {
            hidden = List.copyOf(hidden);
            if (splits < 1 || seeds < 1 || splits * seeds < 2) {
                throw new IllegalArgumentException("splits and seeds must be positive, with at least 2 repetitions in all"
                        + " (the claims compare paired differences); got " + splits + " x " + seeds);
            }
            if (trainPerClass < 0 || testPerClass < 0) {
                throw new IllegalArgumentException("train-per-class and test-per-class must be 0 (all) or positive");
            }
            if (hidden.size() < 3) {
                throw new IllegalArgumentException("hidden: at least 3 layers are needed to have middle layers, got " + hidden);
            }
            new NetworkSpec(NetworkSpec.Type.MLP, hidden, List.of(), epochs, batchSize, learningRate, seed);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String paper() {
        return "Jason Yosinski, Jeff Clune, Yoshua Bengio and Hod Lipson, \"How transferable are features in deep neural "
                + "networks?\", NeurIPS 2014 (Figure 2).";
    }

    @Override
    public Settings settings(Mode mode) {
        return mode == Mode.FULL
                ? new Settings(2, 5, 0, 0, List.of(256, 256, 256, 256, 256), 20, 64, 0.001, 1)
                : new Settings(4, 2, 600, 0, List.of(128, 128, 128, 128, 128), 8, 64, 0.001, 1);
    }

    /** The two halves of one split: A's and B's Fashion-MNIST classes. */
    private record Split(List<Integer> a, List<Integer> b) {
    }

    /** How many images the study's domains held: B's training images of the first split and its test images. */
    private record Sizes(int trainB, int testB) {
    }

    @Override
    public Findings run(Settings s, ReproductionContext context) {
        List<Split> splits = splits(s);
        List<StoredResult> rows = ReproductionStudy.run(config(s, splits), STUDY, NAME, Plugins.discover(), context);
        List<Measurement> measurements = new ArrayList<>();
        for (StoredResult row : rows) {
            network(row.strategy()).ifPresent(network -> measurements.add(new Measurement(split(row.target()), row.seed(),
                    network.condition(), network.n(), row.metrics().get(ClassificationMetrics.ACCURACY), row.timings().fitSeconds())));
        }
        StoredResult first = rows.stream().filter(r -> r.target().equals(domain("b", 0))).findFirst().orElseThrow();
        return findings(s, splits, new Sizes(first.sizes().train(), first.sizes().test()), measurements, context);
    }

    /** One of the figure's networks: which curve, and how many layers it copied (0 for baseB). */
    private record Network(Condition condition, int n) {
    }

    /**
     * The study: one pair A<sub>i</sub> → B<sub>i</sub> per split, the harness's source model on A<sub>i</sub> being
     * baseA, {@code target-only} baseB, {@code selffer} BnB and BnB+, {@code layer-transfer} AnB and AnB+ at every n;
     * every network trained the same fixed number of epochs (patience = max-epochs, no validation split) on every B
     * training image of the domain (the budget is all of them).
     */
    static String config(Settings s, List<Split> splits) {
        StringBuilder yaml = new StringBuilder(String.format(Locale.ROOT, "name: %s%nseed: %d%nseeds: %d%ndomains:%n", NAME, s.seed(),
                s.seeds()));
        for (int i = 0; i < splits.size(); i++) {
            for (String half : List.of("a", "b")) {
                List<Integer> classes = half.equals("a") ? splits.get(i).a() : splits.get(i).b();
                yaml.append(String.format(Locale.ROOT, "  %s: {loader: fashion-mnist, classes: %s, train-per-class: %d, "
                        + "test-per-class: %d}%n", domain(half, i), classes, s.trainPerClass(), s.testPerClass()));
            }
        }
        yaml.append("pairs:\n");
        for (int i = 0; i < splits.size(); i++) {
            yaml.append(String.format(Locale.ROOT, "  - {source: %s, target: %s}%n", domain("a", i), domain("b", i)));
        }
        yaml.append(String.format(Locale.ROOT, "network: {type: mlp, hidden: %s, epochs: %d, batch-size: %d, learning-rate: %s}%n",
                s.hidden(), s.epochs(), s.batchSize(), s.learningRate()));
        String schedule = String.format(Locale.ROOT, "learning-rate: %s, max-epochs: %d, patience: %d, batch-size: %d",
                s.learningRate(), s.epochs(), s.epochs(), s.batchSize());
        yaml.append("strategies:\n  target-only: {").append(schedule).append("}\n");
        for (int n = 1; n <= s.hidden().size(); n++) {
            for (Condition condition : Condition.values()) {
                if (condition.transfers()) {
                    yaml.append(String.format(Locale.ROOT, "  %s: {layers: %d, frozen: %s, %s}%n", strategy(condition, n), n,
                            condition.frozen, schedule));
                }
            }
        }
        yaml.append(String.format(Locale.ROOT, "budgets:%n  per-class: [%d]%n  validation-fraction: 0%n",
                s.trainPerClass() == 0 ? FASHION_TRAIN_PER_CLASS : s.trainPerClass()));
        return yaml.toString();
    }

    /** The study's entry name of a network: {@code selffer@n2} (BnB), {@code layer-transfer@n2-tuned} (AnB+), ... */
    static String strategy(Condition condition, int n) {
        String registered = condition.source == Condition.Base.B ? Selffer.NAME : LayerTransfer.NAME;
        return registered + "@n" + n + (condition.frozen ? "" : "-tuned");
    }

    private static java.util.Optional<Network> network(String strategy) {
        if (strategy.equals(TargetOnly.NAME)) {
            return java.util.Optional.of(new Network(Condition.BASE_B, 0));
        }
        for (Condition condition : Condition.values()) {
            for (int n = 1; condition.transfers() && n <= 64; n++) {
                if (strategy(condition, n).equals(strategy)) {
                    return java.util.Optional.of(new Network(condition, n));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String domain(String half, int split) {
        return half + (split + 1);
    }

    private static int split(String domain) {
        return Integer.parseInt(domain.substring(1)) - 1;
    }

    /** Distinct random halves of the ten classes, each sorted. */
    private static List<Split> splits(Settings s) {
        List<Split> splits = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        SplittableRandom random = new SplittableRandom(Seeds.derive(s.seed(), "class-splits"));
        while (splits.size() < s.splits()) {
            int[] classes = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            for (int i = classes.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = classes[i];
                classes[i] = classes[j];
                classes[j] = tmp;
            }
            List<Integer> a = java.util.Arrays.stream(classes, 0, 5).sorted().boxed().toList();
            List<Integer> b = java.util.Arrays.stream(classes, 5, 10).sorted().boxed().toList();
            if (seen.add(a) && seen.add(b)) {
                splits.add(new Split(a, b));
            }
        }
        return splits;
    }

    private Findings findings(Settings s, List<Split> splits, Sizes sizes, List<Measurement> all, ReproductionContext context) {
        int layers = s.hidden().size();
        CsvTable table = new CsvTable("split", "a_classes", "b_classes", "seed", "network", "n", "accuracy", "train_seconds");
        for (Measurement m : all) {
            Split split = splits.get(m.split());
            table.add(m.split(), join(split.a()), join(split.b()), m.seed(), m.condition().label, m.n(),
                    String.format(Locale.ROOT, "%.4f", m.accuracy()), String.format(Locale.ROOT, "%.1f", m.seconds()));
        }
        table.write(context.output().resolve("networks.csv"));

        FigureTwoClaims checks = new FigureTwoClaims(all, layers);
        Map<Condition, double[]> means = new EnumMap<>(Condition.class);
        means.put(Condition.BASE_B, new double[] {checks.mean(Condition.BASE_B, 0)});
        for (Condition condition : Condition.values()) {
            if (condition.transfers()) {
                double[] byN = new double[layers + 1];
                for (int n = 1; n <= layers; n++) {
                    byN[n] = checks.mean(condition, n);
                }
                means.put(condition, byN);
            }
        }
        CsvTable meanTable = new CsvTable("network", "n", "mean_accuracy", "minus_baseB", "ci_low", "ci_high", "repetitions",
                "splits");
        StringBuilder body = new StringBuilder("## Figure 2, on Fashion-MNIST\n\n");
        body.append(Figures.save(Figure2.points(all, checks, layers, "Fashion-MNIST A/B halves: every network (points) and means (lines)"),
                context.output(), "figure2", "every network, the layout of the paper's Figure 2 (top)"));
        body.append(Figures.save(Figure2.means(checks, layers, "Fashion-MNIST A/B halves: means with 95% intervals paired with baseB"),
                context.output(), "figure2-means", "the means, as the paper's Figure 2 (bottom), with 95% intervals"));
        body.append("\nNear-black circles: baseB (n = 0; the paper's white circles, which would not show in the legend) and the "
                + "dashed line at its mean; dark blue circles: BnB; light blue: BnB+; dark red diamonds: AnB; light red: AnB+. "
                + "Points are offset sideways a little so they do not hide each other. In the means panel each bar is baseB's "
                + "mean plus the 95% interval of the paired difference from baseB, over splits (the table's columns below): it is centred on "
                + "the mean and misses the dashed line exactly where the difference from baseB is significant.\n\n");
        body.append("## Means (paired within each split and seed; intervals over splits)\n\n")
                .append(String.format(Locale.ROOT, "Each difference is paired within a repetition (split and seed) and its 95%% "
                        + "interval treats the %d splits as the independent replicates (df %d; see claim (a)'s rule).%n%n",
                        splits.size(), splits.size() - 1))
                .append("| n | BnB | BnB+ | AnB | AnB+ | BnB − baseB [95% CI] | AnB − baseB [95% CI] | AnB+ − baseB [95% CI] "
                        + "| AnB+ − BnB+ [95% CI] |\n")
                .append("|---:|---:|---:|---:|---:|---|---|---|---|\n");
        body.append(String.format(Locale.ROOT, "| 0 (baseB) | %.4f | | | | | | | |%n", means.get(Condition.BASE_B)[0]));
        meanTable.add("baseB", 0, String.format(Locale.ROOT, "%.4f", means.get(Condition.BASE_B)[0]), "", "", "",
                splits.size() * s.seeds(), splits.size());
        for (int n = 1; n <= layers; n++) {
            body.append("| ").append(n);
            for (Condition c : new Condition[] {Condition.BNB, Condition.BNB_PLUS, Condition.ANB, Condition.ANB_PLUS}) {
                body.append(String.format(Locale.ROOT, " | %.4f", means.get(c)[n]));
                var d = checks.againstBaseB(c, n);
                meanTable.add(c.label, n, String.format(Locale.ROOT, "%.4f", means.get(c)[n]), String.format(Locale.ROOT, "%+.4f", d.mean()),
                        String.format(Locale.ROOT, "%+.4f", d.low()), String.format(Locale.ROOT, "%+.4f", d.high()), d.repetitions(),
                        d.blocks());
            }
            for (Condition c : new Condition[] {Condition.BNB, Condition.ANB, Condition.ANB_PLUS}) {
                var d = checks.againstBaseB(c, n);
                body.append(String.format(Locale.ROOT, " | %+.4f [%+.4f, %+.4f]", d.mean(), d.low(), d.high()));
            }
            var control = checks.difference(Condition.ANB_PLUS, n, Condition.BNB_PLUS, n);
            body.append(String.format(Locale.ROOT, " | %+.4f [%+.4f, %+.4f]", control.mean(), control.low(), control.high()));
            body.append(" |\n");
        }
        meanTable.write(context.output().resolve("means.csv"));
        body.append("\nBaseA's own accuracy is not part of the figure (it is scored on A); every number above is accuracy on "
                + "B's test images. `networks.csv` holds every network, `means.csv` these means and intervals.\n\n");
        body.append("## Splits\n\n| split | A (classes) | B (classes) |\n|---:|---|---|\n");
        for (int i = 0; i < splits.size(); i++) {
            body.append("| ").append(i).append(" | ").append(names(splits.get(i).a())).append(" | ").append(names(splits.get(i).b()))
                    .append(" |\n");
        }
        body.append("\n## Why this network\n\n").append(String.format(Locale.ROOT,
                "An MLP 784-%s-5 with ReLU units: %d hidden layers give L = %d points per curve (the paper's 8-layer ImageNet "
                        + "network gives 7), so there are middle layers where co-adaptation could show and upper layers "
                        + "specific enough for specificity to show. A CNN would be closer to the paper's network, but on the "
                        + "2-core machine this project runs on one DL4J CNN epoch on 30,000 images takes about a minute "
                        + "(shared/STACK.md), and this figure needs %d networks; small dense layers train in seconds. "
                        + "Every network is trained the same way (Adam %.4g, %d epochs, batch %d, no early stopping: no "
                        + "validation split, and the patience is the epoch count, so the epoch with the lowest training loss "
                        + "is kept, nearly always the last), as the paper trains all its networks with one schedule. baseA is "
                        + "the harness's source model, trained the same number of epochs on nine tenths of A's images (a tenth "
                        + "is held out for its own validation accuracy).\n",
                join(s.hidden()).replace(' ', '-'), layers, layers, splits.size() * s.seeds() * (2 + 4 * layers),
                s.learningRate(), s.epochs(), s.batchSize()));

        List<Claim> claims = List.of(checks.fineTunedTransfer(), checks.specificity(), checks.coAdaptation());
        String protocol = String.format(Locale.ROOT, "Fashion-MNIST, %d random splits of the ten classes into halves A and B "
                        + "(5 classes each), %d seeds per split: %d repetitions. Each half trains on %s training images per class "
                        + "(%,d images%s) and is scored on %s test images per class (%,d images). One TransferLab study (`study/`: its "
                        + "config, results and report): a pair A → B per split, every B training image as the label budget. "
                        + "baseA is the pair's source model, baseB is `target-only`; for n = 1..%d, AnB and AnB+ "
                        + "(`layer-transfer`) and BnB and BnB+ (`selffer`) copy the first n layers of baseA or baseB of the same "
                        + "repetition (BnB from the very baseB it is compared with, on the same B images, as in the paper), frozen "
                        + "or fine-tuned, and train the rest from a fresh initialisation on B. %d networks in all, on %d worker threads.",
                s.splits(), s.seeds(), s.splits() * s.seeds(),
                s.trainPerClass() == 0 ? "all" : String.format(Locale.ROOT, "%,d", s.trainPerClass()), sizes.trainB(),
                s.trainPerClass() == 0 ? "" : ", the first of each class: quick mode; the paper's protocol uses all 6,000 per class",
                s.testPerClass() == 0 ? "all" : String.format(Locale.ROOT, "%,d", s.testPerClass()), sizes.testB(),
                layers, splits.size() * s.seeds() * (2 + 4 * layers), context.threads());
        return new Findings(protocol, claims, body.toString());
    }

    private static String join(List<Integer> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }

    private static String names(List<Integer> classes) {
        return String.join(", ", classes.stream().map(c -> c + " " + FashionMnistLoader.CLASS_NAMES.get(c)).toList());
    }
}
