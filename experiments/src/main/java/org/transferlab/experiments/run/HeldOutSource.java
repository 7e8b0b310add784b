package org.transferlab.experiments.run;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.core.data.Examples;

/**
 * The labelled source examples a validator may read about a target: the source's test partition, which no strategy
 * trains on, less every example that is also in the target's train or test partition (domains made from one file, such
 * as Fashion-MNIST rotated, share their test images, and a source label on a target test image would be a target test
 * label), with labels renamed to the target's class indices and examples of classes the target does not have left out.
 * Empty, with the reason, when nothing is left. The harness opens the source's test partition here, before any
 * candidate is scored, and never hands it to a strategy.
 *
 * @param examples the held-out source examples, labels in the target's class indices; {@code null} when empty
 * @param reason   why there are none; empty when there are
 */
record HeldOutSource(Examples examples, String reason) {
    static final HeldOutSource NONE = new HeldOutSource(null, "the pair has no source domain");

    boolean present() {
        return examples != null;
    }

    /** At most {@code limit} held-out examples of {@code source} for {@code target}, drawn with {@code seed}. */
    static HeldOutSource of(Domain source, Domain target, int limit, long seed) {
        Map<String, Integer> targetClass = new HashMap<>();
        for (int c = 0; c < target.classNames().size(); c++) {
            targetClass.put(target.classNames().get(c), c);
        }
        int[] renamed = source.classNames().stream().mapToInt(name -> targetClass.getOrDefault(name, -1)).toArray();
        if (Arrays.stream(renamed).allMatch(c -> c < 0)) {
            return new HeldOutSource(null, "the source's classes are not the target's");
        }
        Optional<ExampleIds> sourceIds = source.test().ids();
        Optional<ExampleIds> targetTrain = target.train().ids();
        Optional<ExampleIds> targetTest = target.test().ids();
        if (sourceIds.isEmpty() || targetTrain.isEmpty() || targetTest.isEmpty()) {
            return new HeldOutSource(null, "the examples carry no identities, so the source's test examples cannot be shown "
                    + "to be apart from the target's");
        }
        Map<ExampleOrigin, Integer> origins = new HashMap<>();
        java.util.function.ToIntFunction<ExampleOrigin> index = o -> origins.computeIfAbsent(o, k -> origins.size());
        long[] targetKeys = java.util.stream.LongStream.concat(Arrays.stream(targetTrain.get().keys(index)),
                Arrays.stream(targetTest.get().keys(index))).sorted().toArray();
        long[] keys = sourceIds.get().keys(index);
        Examples test = source.test().open();
        int[] classes = test.classes();
        int[] kept = IntStream.range(0, test.size())
                .filter(i -> renamed[classes[i]] >= 0 && Arrays.binarySearch(targetKeys, keys[i]) < 0).toArray();
        if (kept.length == 0) {
            return new HeldOutSource(null, "every source test example of the target's classes is also the target's (the same "
                    + "examples, transformed)");
        }
        Examples chosen = test.subset(kept).randomSubset(limit, seed);
        int[] labels = Arrays.stream(chosen.classes()).map(c -> renamed[c]).toArray();
        return new HeldOutSource(Examples.classified(chosen.featureMatrix(), chosen.featureCount(), labels), "");
    }
}
