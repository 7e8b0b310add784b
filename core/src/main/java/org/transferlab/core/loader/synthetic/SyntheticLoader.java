package org.transferlab.core.loader.synthetic;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.data.TestPartition;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.plugin.Default;
import org.transferlab.core.seed.Seeds;

/**
 * Seeded, related domains with a controllable shift, for tests and for checking a strategy on data
 * whose answer is known. Domains with the same {@code world-seed} share a "world": the class means
 * (classification, clustering) or the regression weights. {@code shift} moves a domain away from that
 * world along a direction drawn from {@code shift-seed}: 0 gives the same distribution, larger values
 * less related domains.
 *
 * <p>Classification: x = mu_y + shift * delta_y + noise * z, with mu_y ~ N(0, separation^2 I) and
 * delta_y, z ~ N(0, I). Regression: x ~ N(shift * delta, I), y = (w + shift * delta) . x + noise * z with
 * w ~ N(0, separation^2 I).
 */
public final class SyntheticLoader implements DomainLoader<SyntheticLoader.Parameters> {
    public static final String NAME = "synthetic";

    /**
     * @param task        classification, regression or clustering (default classification)
     * @param classes     number of classes (classification, clustering; default 4)
     * @param features    number of features (default 16)
     * @param trainSize   train partition size (default 400)
     * @param testSize    test partition size (default 400)
     * @param separation  spread of the class means in units of the noise (default 2)
     * @param noise       standard deviation of the per-example noise (default 1)
     * @param shift       how far this domain moves from the shared world (default 0)
     * @param worldSeed   seed of the shared world (default 1)
     * @param shiftSeed   seed of the shift direction (default 2)
     * @param sampleSeed  seed of this domain's examples (default 3)
     */
    public record Parameters(
            @Default("classification") TaskType task,
            @Default("4") int classes,
            @Default("16") int features,
            @Default("400") int trainSize,
            @Default("400") int testSize,
            @Default("2") double separation,
            @Default("1") double noise,
            @Default("0") double shift,
            @Default("1") long worldSeed,
            @Default("2") long shiftSeed,
            @Default("3") long sampleSeed) {
        public Parameters {
            if (classes < 2 && task != TaskType.REGRESSION) {
                throw new IllegalArgumentException("classes must be at least 2, got " + classes);
            }
            if (features < 1 || trainSize < 1 || testSize < 1) {
                throw new IllegalArgumentException("features, train-size and test-size must be positive");
            }
            if (!(noise >= 0) || !(separation >= 0) || !(shift >= 0)) {
                throw new IllegalArgumentException("noise, separation and shift must be non-negative numbers");
            }
        }
    }

    @Override
    public Class<Parameters> parametersType() {
        return Parameters.class;
    }

    @Override
    public TaskType task(Parameters parameters) {
        return parameters.task();
    }

    @Override
    public Domain load(String name, Parameters p, LoadContext context) {
        int d = p.features();
        int k = p.task() == TaskType.REGRESSION ? 1 : p.classes();
        double[][] centres = gaussian(new SplittableRandom(Seeds.derive(p.worldSeed(), "world")), k, d, p.separation());
        double[][] shifts = gaussian(new SplittableRandom(Seeds.derive(p.shiftSeed(), "shift")), k, d, 1);
        double[][] shifted = new double[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                shifted[c][j] = centres[c][j] + p.shift() * shifts[c][j];
            }
        }
        Examples train = sample(p, shifted, shifts, new SplittableRandom(Seeds.derive(p.sampleSeed(), name, "train")), p.trainSize())
                .withIds(ExampleIds.range(origin(name, p, "train"), p.trainSize()));
        Examples test = sample(p, shifted, shifts, new SplittableRandom(Seeds.derive(p.sampleSeed(), name, "test")), p.testSize())
                .withIds(ExampleIds.range(origin(name, p, "test"), p.testSize()));
        List<String> classNames = p.task() == TaskType.REGRESSION ? List.of()
                : IntStream.range(0, k).mapToObj(c -> "class-" + c).toList();
        return new Domain(name, p.task(), classNames, FeatureShape.flat(d), train, new TestPartition(name, test),
                Map.of("generator", NAME, "parameters", p.toString()));
    }

    /**
     * The examples of one partition are what the generator makes of the parameters, the domain's name
     * (it seeds the sample) and the partition, so that is their origin: two domains never share one.
     */
    private static ExampleOrigin origin(String name, Parameters p, String partition) {
        return ExampleOrigin.of(NAME + ":" + name + ":" + p + ":" + partition, "synthetic domain '" + name + "' (" + partition + ")");
    }

    private static Examples sample(Parameters p, double[][] world, double[][] shifts, SplittableRandom random, int n) {
        int d = p.features();
        float[] x = new float[n * d];
        if (p.task() == TaskType.REGRESSION) {
            // world[0] holds the (shifted) weights; the inputs move with the shift too (covariate shift).
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    double xj = random.nextGaussian() + p.shift() * shifts[0][j];
                    x[i * d + j] = (float) xj;
                    dot += world[0][j] * xj;
                }
                y[i] = dot + p.noise() * random.nextGaussian();
            }
            return Examples.valued(x, d, y);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % p.classes();
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (world[y[i]][j] + p.noise() * random.nextGaussian());
            }
        }
        return Examples.classified(x, d, y);
    }

    private static double[][] gaussian(SplittableRandom random, int rows, int columns, double scale) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = scale * random.nextGaussian();
            }
        }
        return values;
    }
}
