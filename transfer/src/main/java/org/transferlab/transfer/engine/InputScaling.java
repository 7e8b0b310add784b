package org.transferlab.transfer.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.Standardizer;

/**
 * How the inputs of a model TransferLab trains are scaled, and the one rule that decides it
 * ({@link #forTraining}):
 * <ul>
 *   <li>image features (a {@link FeatureShape} with a height and a width above 1) are kept as the loader gives
 *       them, pixels in [0, 1];</li>
 *   <li>any other (tabular) features are standardised per feature, z = (x − mean) / sd, with the statistics of
 *       the rows the model is trained on, never of test rows: the source's training rows for a network trained
 *       on the source, which every model built from it then uses too (fine-tuning, feature extraction, layer
 *       transfer, the source's embeddings and probabilities; {@link SourceModel#inputScaling()}), and the
 *       budget's (or the pooled set's) training rows for a model trained from scratch.</li>
 * </ul>
 * Without it, an MLP on the raw columns of a real table, one of them in the thousands beside others near 1,
 * scored near chance: the large column saturates the first layer at the default learning rates. Standardising
 * a flat vector of pixels would change the Fashion-MNIST results for nothing, so images are left alone.
 * Immutable and thread-safe.
 */
public final class InputScaling {
    /** Inputs as they are. */
    public static final InputScaling NONE = new InputScaling(null, 0);
    private static final String STANDARDISED = "standardised";
    private static final String UNSCALED = "none";
    private final Standardizer standardizer;
    private final int rows;

    private InputScaling(Standardizer standardizer, int rows) {
        this.standardizer = standardizer;
        this.rows = rows;
    }

    /**
     * The scaling of a model whose inputs have {@code shape}, trained on {@code rows}: none for images, the rows'
     * per-feature statistics otherwise (a feature constant in them keeps its scale; see {@link Standardizer}).
     */
    public static InputScaling forTraining(FeatureShape shape, Examples rows) {
        if (rows.featureCount() != shape.size()) {
            throw new IllegalArgumentException("the rows have " + rows.featureCount() + " features, the shape " + shape.size());
        }
        if (shape.isImage()) {
            return NONE;
        }
        if (rows.size() == 0) {
            throw new IllegalArgumentException("tabular inputs are standardised with the statistics of the training rows, "
                    + "and there are none");
        }
        return new InputScaling(Standardizer.fit(rows), rows.size());
    }

    /** What the rule does for domains of {@code shape}, as the run's provenance records it. */
    public static String rule(FeatureShape shape) {
        return shape.isImage() ? "none: image pixels as loaded"
                : "standardised per feature with the statistics of the rows each model trains on (the source's for a "
                + "source network and the models built from it, the budget's for a model trained from scratch), never test rows";
    }

    /** {@code examples} as the model sees them: the same object when nothing is scaled. */
    public Examples apply(Examples examples) {
        return standardizer == null ? examples : standardizer.apply(examples);
    }

    /** Whether inputs are standardised (false: used as they are). */
    public boolean standardises() {
        return standardizer != null;
    }

    /** The statistics, for inspection; only when {@link #standardises()}. */
    public Standardizer standardizer() {
        if (standardizer == null) {
            throw new IllegalStateException("inputs are used as they are: there are no statistics");
        }
        return standardizer;
    }

    /** One line for a cell's provenance. */
    public String describe() {
        return standardizer == null ? "input scaling: none (image pixels as loaded)"
                : "input scaling: standardised with the mean and standard deviation of " + rows + " training rows ("
                + standardizer.featureCount() + " features)";
    }

    /**
     * The scaling as text in Java properties syntax, exact to the last bit and the same for the same statistics
     * (no time stamp), for a stored model; {@link #parse} reads it back.
     */
    public String text() {
        StringBuilder out = new StringBuilder("# TransferLab input scaling\n");
        if (standardizer == null) {
            return out.append("scaling=").append(UNSCALED).append('\n').toString();
        }
        int d = standardizer.featureCount();
        return out.append("scaling=").append(STANDARDISED).append('\n')
                .append("rows=").append(rows).append('\n')
                .append("features=").append(d).append('\n')
                .append("mean=").append(join(d, standardizer::mean)).append('\n')
                .append("sd=").append(join(d, standardizer::standardDeviation)).append('\n')
                .toString();
    }

    /** Reads {@link #text()}; anything else is an {@link IllegalArgumentException} saying what is wrong. */
    public static InputScaling parse(String text) {
        Properties in = new Properties();
        try {
            in.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the input scaling is not a properties text (" + e.getMessage() + ")", e);
        }
        String kind = in.getProperty("scaling");
        if (UNSCALED.equals(kind)) {
            return NONE;
        }
        if (!STANDARDISED.equals(kind)) {
            throw new IllegalArgumentException("scaling is '" + kind + "', expected " + STANDARDISED + " or " + UNSCALED);
        }
        int features = integer(in, "features");
        double[] mean = numbers(in, "mean", features);
        double[] sd = numbers(in, "sd", features);
        return new InputScaling(Standardizer.of(mean, sd), integer(in, "rows"));
    }

    private static String join(int d, java.util.function.IntToDoubleFunction value) {
        return IntStream.range(0, d).mapToObj(j -> Double.toString(value.applyAsDouble(j))).collect(Collectors.joining(","));
    }

    private static int integer(Properties in, String key) {
        String value = in.getProperty(key);
        try {
            int parsed = Integer.parseInt(Objects.requireNonNull(value, key).strip());
            if (parsed < 1) {
                throw new NumberFormatException("not positive");
            }
            return parsed;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(key + " is '" + value + "', expected a positive whole number", e);
        }
    }

    private static double[] numbers(Properties in, String key, int count) {
        String value = in.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("it has no " + key);
        }
        String[] parts = value.split(",", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException(key + " has " + parts.length + " values, expected " + count);
        }
        double[] out = new double[count];
        for (int j = 0; j < count; j++) {
            try {
                out[j] = Double.parseDouble(parts[j].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " value " + (j + 1) + " is '" + parts[j] + "', not a number", e);
            }
        }
        return out;
    }
}
