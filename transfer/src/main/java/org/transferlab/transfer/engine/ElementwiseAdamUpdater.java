package org.transferlab.transfer.engine;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The update of {@link ElementwiseAdam}: the arithmetic of ND4J's native {@code adam_updater} op (libnd4j
 * {@code updaterAdam.cpp}), operation for operation in the same float precision and order, so the weights are
 * bit-identical, as eleven element-wise ops over the flat state instead of one op whose loop is slower on this
 * build. With t = iteration + 1:
 * <pre>
 *   m = beta1 * m + g * (1 - beta1)
 *   v = beta2 * v + g * g * (1 - beta2)
 *   g = (m * alpha_t) / (sqrt(v) + epsilon),   alpha_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
 * </pre>
 * It keeps two scratch arrays of the state's size, allocated once, outside DL4J's workspaces.
 * {@code ElementwiseAdamTest} compares it with the native op bit for bit.
 */
final class ElementwiseAdamUpdater extends AdamUpdater {
    private INDArray scratch;
    private INDArray scaledMean;
    private INDArray powers;

    ElementwiseAdamUpdater(Adam config) {
        super(config);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray m = getM();
        INDArray v = getV();
        if (m == null || v == null) {
            throw new IllegalStateException("Updater has not been initialized with view state");
        }
        Adam config = getConfig();
        float beta1 = (float) config.getBeta1();
        float beta2 = (float) config.getBeta2();
        float epsilon = (float) config.getEpsilon();
        float learningRate = (float) config.getLearningRate(iteration, epoch);
        float t = (float) iteration + 1;
        allocateScratch(getV());
        // beta^t through ND4J's own float pow: Java's double Math.pow rounded to float differs from it by an ulp
        // at some t (3,606 for beta2 = 0.999), which would change the weights.
        powers.putScalar(0, beta1);
        powers.putScalar(1, beta2);
        Transforms.pow(powers, t, false);
        float beta1T = powers.getFloat(0);
        float beta2T = powers.getFloat(1);
        // As the native op: the square root in float, the division in double, then float again.
        float alphaT = (float) ((learningRate * (float) Math.sqrt((float) (1.0 - beta2T))) / (1.0 - beta1T));
        if (Float.isNaN(alphaT) || alphaT == 0 || Float.isInfinite(alphaT)) {
            alphaT = epsilon;
        }
        INDArray g = gradient.reshape(v.shape());
        m.muli(beta1);
        g.mul(1 - beta1, scratch);
        m.addi(scratch);
        g.mul(g, scratch);
        scratch.muli(1 - beta2);
        v.muli(beta2);
        v.addi(scratch);
        m.mul(alphaT, scaledMean);
        Nd4j.exec(new Sqrt(v, scratch));
        scratch.addi(epsilon);
        scaledMean.div(scratch, g);
    }

    private void allocateScratch(INDArray like) {
        if (scratch != null && scratch.length() == like.length()) {
            return;
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            scratch = Nd4j.create(like.dataType(), like.shape(), like.ordering());
            scaledMean = Nd4j.create(like.dataType(), like.shape(), like.ordering());
            powers = Nd4j.create(like.dataType(), 2);
        }
    }
}
