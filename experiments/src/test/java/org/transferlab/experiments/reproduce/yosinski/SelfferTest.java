package org.transferlab.experiments.reproduce.yosinski;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.core.data.TaskType;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.baseline.TargetOnly;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.engine.TrainingLog;

/** The selffer control starts from target-only's own network of the cell, trained once per cell seed. */
class SelfferTest {
    private static final int FEATURES = 6;
    private static final NetworkSpec SPEC = new NetworkSpec(NetworkSpec.Type.MLP, List.of(8, 8), List.of(), 2, 16, 0.01, 3);

    @Test
    void baseBIsTheNetworkTargetOnlyFits() {
        TransferContext context = context(11, TransferContext.SourceArtifacts.UNSHARED);
        TargetOnly.Parameters p = new Selffer.Parameters(1, true, 0.01, 3, 3, 16).base();
        Examples probe = examples(40, 99);
        int[] byTargetOnly = new TargetOnly().fit(p, context).predictClasses(probe);
        TargetOnly.TrainedNetwork base = TargetOnly.trainedNetwork(p, context, TrainingLog.NONE);
        int[] byBase = new org.transferlab.transfer.network.NetworkPredictor(base.network(), base.scaling()).predictClasses(probe);
        assertArrayEquals(byTargetOnly, byBase);
    }

    @Test
    void cellsOfOneSeedShareOneBaseAndOtherSeedsTrainTheirOwn() {
        Map<String, Object> store = new HashMap<>();
        int[] computed = {0};
        TransferContext.SourceArtifacts counting = new TransferContext.SourceArtifacts() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(String key, Supplier<T> compute) {
                return (T) store.computeIfAbsent(key, k -> {
                    computed[0]++;
                    return compute.get();
                });
            }
        };
        Selffer selffer = new Selffer();
        selffer.fit(new Selffer.Parameters(1, true, 0.01, 3, 3, 16), context(11, counting));
        selffer.fit(new Selffer.Parameters(2, false, 0.01, 3, 3, 16), context(11, counting));
        assertEquals(1, computed[0]);
        selffer.fit(new Selffer.Parameters(1, true, 0.01, 3, 3, 16), context(12, counting));
        assertEquals(2, computed[0]);
    }

    @Test
    void moreLayersThanTheNetworkHasIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Selffer().fit(new Selffer.Parameters(3, true, 0.01, 2, 2, 16), context(11, TransferContext.SourceArtifacts.UNSHARED)));
        assertEquals("layers is 3 but the network has only 2 layers below its output layer", e.getMessage());
    }

    private static TransferContext context(long seed, TransferContext.SourceArtifacts artifacts) {
        Examples train = examples(60, 1);
        Examples validation = examples(20, 2);
        LabelledSplit budget = new LabelledSplit(train, validation, new int[60], new int[20]);
        return new TransferContext("b", TaskType.CLASSIFICATION, List.of("x", "y", "z"), FeatureShape.flat(FEATURES), budget,
                SPEC, () -> {
                    throw new AssertionError("the selffer control must not use the source model");
                }, seed, TrainingLog.NONE).withSourceArtifacts(artifacts);
    }

    /** Three classes, each a shifted cloud in the first feature. */
    private static Examples examples(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * FEATURES];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = (float) (random.nextGaussian() + (j == 0 ? 2 * y[i] : 0));
            }
        }
        return Examples.classified(x, FEATURES, y);
    }
}
