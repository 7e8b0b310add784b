package org.transferlab.transfer.pretrained;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.H5Object;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.hdf5.global.hdf5;

/**
 * A Keras model file made without Keras (there is no TensorFlow here): the HDF5 layout that Keras 2.2.4's
 * {@code model.save} writes, written with the same HDF5 library DL4J reads it with. The root holds the
 * {@code keras_version}, {@code backend} and {@code model_config} (the model's JSON) attributes as fixed-length
 * strings, as h5py stores Python bytes; {@code model_weights} holds {@code layer_names} and, per layer, a group
 * with its {@code weight_names} and the datasets {@code LAYER/kernel:0} (inputs x units) and {@code LAYER/bias:0}.
 * No training configuration is written, as with {@code model.save(..., include_optimizer=False)}.
 *
 * <p>The model: {@code Sequential}, Dense(8, relu) on 4 inputs, then Dense(3, softmax). Its weights are fixed
 * numbers ({@link #kernel}, {@link #bias}), so a test can compute its outputs by hand.
 */
public final class KerasFixture {
    private static final int[][] SHAPES = {{4, 8}, {8, 3}};
    private static final String[] NAMES = {"dense_1", "dense_2"};

    private KerasFixture() {
    }

    /** Writes the model to {@code file} (an .h5 path) and returns it. */
    public static Path sequentialMlp(Path file) {
        H5File h5 = new H5File(file.toString(), hdf5.H5F_ACC_TRUNC);
        try {
            text(h5, "keras_version", "2.2.4");
            text(h5, "backend", "tensorflow");
            text(h5, "model_config", "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_1\", \"layers\": ["
                    + dense(NAMES[0], 8, "relu", 4) + ", " + dense(NAMES[1], 3, "softmax", 0) + "]}}");
            Group weights = h5.createGroup("model_weights");
            texts(weights, "layer_names", List.of(NAMES));
            text(weights, "backend", "tensorflow");
            text(weights, "keras_version", "2.2.4");
            for (int layer = 0; layer < NAMES.length; layer++) {
                Group group = weights.createGroup(NAMES[layer]);
                texts(group, "weight_names", List.of(NAMES[layer] + "/kernel:0", NAMES[layer] + "/bias:0"));
                Group inner = group.createGroup(NAMES[layer]);
                floats(inner, "kernel:0", new long[] {SHAPES[layer][0], SHAPES[layer][1]}, kernel(layer));
                floats(inner, "bias:0", new long[] {SHAPES[layer][1]}, bias(layer));
                inner.close();
                group.close();
            }
            weights.close();
        } finally {
            h5.close();
        }
        return file;
    }

    /** An HDF5 file with a {@code keras_version} attribute and nothing else: what {@code save_weights} is not, even. */
    public static Path withoutModel(Path file) {
        H5File h5 = new H5File(file.toString(), hdf5.H5F_ACC_TRUNC);
        try {
            text(h5, "keras_version", "2.2.4");
        } finally {
            h5.close();
        }
        return file;
    }

    /** Layer {@code layer}'s kernel, row-major (inputs x units), as Keras stores it. */
    public static float[] kernel(int layer) {
        float[] kernel = new float[SHAPES[layer][0] * SHAPES[layer][1]];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) (0.5 * Math.sin(i + 1 + 10 * layer));
        }
        return kernel;
    }

    public static float[] bias(int layer) {
        float[] bias = new float[SHAPES[layer][1]];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = 0.01f * (i + 1);
        }
        return bias;
    }

    private static String dense(String name, int units, String activation, int inputs) {
        return "{\"class_name\": \"Dense\", \"config\": {\"name\": \"" + name + "\", \"trainable\": true, "
                + (inputs == 0 ? "" : "\"batch_input_shape\": [null, " + inputs + "], \"dtype\": \"float32\", ")
                + "\"units\": " + units + ", \"activation\": \"" + activation + "\", \"use_bias\": true, "
                + "\"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 1.0, \"mode\": "
                + "\"fan_avg\", \"distribution\": \"uniform\", \"seed\": null}}, \"bias_initializer\": {\"class_name\": "
                + "\"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null, "
                + "\"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}}";
    }

    private static void text(H5Object where, String name, String value) {
        texts(where, name, List.of(value), new DataSpace(hdf5.H5S_SCALAR));
    }

    private static void texts(H5Object where, String name, List<String> values) {
        texts(where, name, values, new DataSpace(1, new long[] {values.size()}));
    }

    /** Fixed-length strings, NUL-padded to the longest: what h5py writes for a numpy array of bytes. */
    private static void texts(H5Object where, String name, List<String> values, DataSpace space) {
        int width = values.stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).max().orElse(1);
        byte[] all = new byte[width * values.size()];
        for (int i = 0; i < values.size(); i++) {
            byte[] bytes = values.get(i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, all, i * width, bytes.length);
        }
        StrType type = new StrType(PredType.C_S1(), width);
        Attribute attribute = where.createAttribute(name, type, space);
        attribute.write(type, new BytePointer(all));
        attribute.close();
        space.close();
        type.close();
    }

    private static void floats(Group group, String name, long[] dimensions, float[] values) {
        DataSpace space = new DataSpace(dimensions.length, dimensions);
        DataSet data = group.createDataSet(name, PredType.NATIVE_FLOAT(), space);
        data.write(new FloatPointer(values), PredType.NATIVE_FLOAT());
        data.close();
        space.close();
    }
}
