package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.ExampleIds;
import org.transferlab.core.data.ExampleOrigin;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ModelEntry;

/**
 * Proves, once the domains are loaded and before anything trains or is written, that no example a
 * source may train on is in its target's test partition, whatever the loaders claim. For every pair,
 * by the examples' identities (file and row, image index; see {@code DomainLoader}):
 * <ol>
 *   <li>the target's train and test partitions share no example;</li>
 *   <li>the source's train partition holds none of the target's test examples;</li>
 *   <li>when the pair was given disjoint halves of shared examples, the source's train partition
 *       holds none of the target's train examples either.</li>
 * </ol>
 * A violation is a {@link TransferLabException} naming both domains, how many examples they share,
 * where the examples come from and what to change, so {@code run} and {@code validate} exit with 2.
 * A domain without identities is accepted only in a pair that shares no data as far as can be told:
 * when the loader says the two share examples, the pair was given halves, or their provenance names
 * a common file, the pair is refused, since nothing could be checked.
 *
 * <p>A pair whose source is a model file has no source examples, so only rule 1 applies to it: nothing the
 * model was trained on is known, and the check says so (see {@link #check(String, List, List)}) rather
 * than pretending to have proven more.
 *
 * <p>Identities become longs (an origin's number, the row) sorted once per partition, and partitions
 * are compared by a merge: 60,000 Fashion-MNIST images cost two sorts of a long array, no object per
 * example. Not thread-safe; one instance per check.
 */
public final class DisjointPartitions {
    /** The provenance keys under which loaders name their data files and checksums. */
    private static final List<String> FILE_KEYS = List.of("file", "files", "sha256");

    /**
     * One pair as the harness loaded it.
     *
     * @param source     the source's config entry
     * @param sourceData the source domain, loaded with the pair's source share
     * @param target     the target's config entry
     * @param targetData the target domain, loaded with the pair's target share
     * @param shares     the parts of their train partitions the pair was given
     */
    public record LoadedPair(DomainEntry source, Domain sourceData, DomainEntry target, Domain targetData, PairShares shares) {
    }

    /**
     * A pair whose source is a pretrained model file, as the harness loaded its target.
     *
     * @param source     the model's config entry
     * @param target     the target's config entry
     * @param targetData the target domain, loaded with all of its train partition
     */
    public record ModelPair(ModelEntry source, DomainEntry target, Domain targetData) {
    }

    /**
     * A target studied without a source ({@code pairs: [{target: DOMAIN}]}), as the harness loaded it.
     *
     * @param target     the target's config entry
     * @param targetData the target domain, loaded with all of its train partition
     */
    public record TargetAlone(DomainEntry target, Domain targetData) {
    }

    private final String configFile;
    private final Map<ExampleOrigin, Integer> originNumbers = new HashMap<>();
    private final List<ExampleOrigin> originsByNumber = new ArrayList<>();
    private final Map<ExampleIds, long[]> sortedKeys = new IdentityHashMap<>();

    private DisjointPartitions(String configFile) {
        this.configFile = configFile;
    }

    /** Throws, naming the first violating pair, unless every pair is proven disjoint. */
    public static void check(String configFile, List<LoadedPair> pairs) {
        check(configFile, pairs, List.of());
    }

    /**
     * As {@link #check(String, List)}, and for pairs whose source is a model file, the target's own partitions.
     *
     * @return what could not be checked and why, one sentence per model pair, for the run's log
     */
    public static List<String> check(String configFile, List<LoadedPair> pairs, List<ModelPair> modelPairs) {
        return check(configFile, pairs, modelPairs, List.of());
    }

    /** As {@link #check(String, List, List)}, and for targets without a source, rule 1: their own partitions. */
    public static List<String> check(String configFile, List<LoadedPair> pairs, List<ModelPair> modelPairs,
                                     List<TargetAlone> targetsAlone) {
        DisjointPartitions check = new DisjointPartitions(configFile);
        for (TargetAlone alone : targetsAlone) {
            check.ownPartitions(alone.target(), alone.targetData());
        }
        for (LoadedPair pair : pairs) {
            check.check(pair);
        }
        List<String> notes = new ArrayList<>();
        for (ModelPair pair : modelPairs) {
            check.ownPartitions(pair.target(), pair.targetData());
            notes.add("pair " + pair.source().name() + " → " + pair.target().name() + ": the source is model file "
                    + pair.source().model().file() + ", which brings no source examples, so there is nothing of the source "
                    + "to check against the target's test partition; only the target's own train and test partitions were "
                    + "checked to be disjoint (what the model was trained on is for its creator to say)");
        }
        return notes;
    }

    /** Rule 1: the target's train and test partitions share no example, when both are identified. */
    private void ownPartitions(DomainEntry target, Domain data) {
        Optional<ExampleIds> train = data.train().ids();
        Optional<ExampleIds> test = data.test().ids();
        if (train.isPresent() && test.isPresent()) {
            Overlap own = overlap(train.get(), test.get());
            if (own.count() > 0) {
                throw new TransferLabException(configFile + ":" + target.line() + ": domain '" + target.name() + "' (target, line "
                        + target.line() + ") has " + own.count() + " examples in both its train and its test partition ("
                        + own.where() + "): loader '" + target.loaderName() + "' does not keep them apart, so a label budget "
                        + "could hold test examples");
            }
        }
    }

    private void check(LoadedPair pair) {
        Optional<ExampleIds> sourceTrain = pair.sourceData().train().ids();
        Optional<ExampleIds> targetTrain = pair.targetData().train().ids();
        Optional<ExampleIds> targetTest = pair.targetData().test().ids();
        boolean halves = pair.shares().equals(PairShares.HALVES);
        List<String> unidentified = new ArrayList<>();
        if (sourceTrain.isEmpty()) {
            unidentified.add("the train partition of '" + pair.source().name() + "' (loader '" + pair.source().loaderName() + "')");
        }
        if (targetTest.isEmpty() || (halves && targetTrain.isEmpty())) {
            unidentified.add("the " + (targetTest.isEmpty() ? "test" : "train") + " partition of '" + pair.target().name()
                    + "' (loader '" + pair.target().loaderName() + "')");
        }
        if (!unidentified.isEmpty()) {
            sharedData(pair).ifPresent(why -> {
                throw refusal(pair, "domains " + domains(pair) + " read the same data (" + why + "), but no example identities "
                        + "are given for " + String.join(" nor for ", unidentified) + ", so nothing shows that the source never "
                        + "trains on the target's test examples; a loader whose domains share data must identify every example "
                        + "it loads (Examples.withIds; see DomainLoader), or pair domains that share no data");
            });
        }
        ownPartitions(pair.target(), pair.targetData());
        if (sourceTrain.isPresent() && targetTest.isPresent()) {
            Overlap leak = overlap(sourceTrain.get(), targetTest.get());
            if (leak.count() > 0) {
                throw refusal(pair, "domains " + domains(pair) + " share " + leak.count() + " examples: the source's train "
                        + "partition holds " + leak.count() + " of the target's " + targetTest.get().size() + " test examples ("
                        + leak.where() + "), so the source model would be trained on data the target is scored on; split that "
                        + "data once for both domains (the same file, test-fraction and split-seed), or pair domains that do "
                        + "not share it");
            }
        }
        if (halves && sourceTrain.isPresent() && targetTrain.isPresent()) {
            Overlap both = overlap(sourceTrain.get(), targetTrain.get());
            if (both.count() > 0) {
                throw refusal(pair, "domains " + domains(pair) + " were given disjoint halves of the train examples they share, "
                        + "but " + both.count() + " of the target's train examples are in the source's train partition ("
                        + both.where() + "): loader '" + (pair.source().loaderName().equals(pair.target().loaderName())
                        ? pair.source().loaderName() : pair.source().loaderName() + "' or '" + pair.target().loaderName())
                        + "' does not load only the half (LoadContext.share) it is given, so the source model would have seen "
                        + "the target's examples");
            }
        }
    }

    private static String domains(LoadedPair pair) {
        return "'" + pair.source().name() + "' (source, line " + pair.source().line() + ") and '" + pair.target().name()
                + "' (target, line " + pair.target().line() + ")";
    }

    private TransferLabException refusal(LoadedPair pair, String message) {
        return new TransferLabException(configFile + ":" + pair.target().line() + ": " + message);
    }

    /** Why the two domains are taken to share data, when either gives no identities; empty if nothing says so. */
    private static Optional<String> sharedData(LoadedPair pair) {
        if (pair.shares().equals(PairShares.HALVES)) {
            return Optional.of("the pair was given disjoint halves of their train examples");
        }
        if (pair.source().sharesExamplesWith(pair.target())) {
            return Optional.of("loader '" + pair.source().loaderName() + "' says they share examples");
        }
        Set<String> common = files(pair.sourceData());
        common.retainAll(files(pair.targetData()));
        if (!common.isEmpty()) {
            return Optional.of("the provenance of both names " + String.join(", ", common));
        }
        return Optional.empty();
    }

    private static Set<String> files(Domain domain) {
        Set<String> files = new LinkedHashSet<>();
        for (String key : FILE_KEYS) {
            String value = domain.provenance().get(key);
            if (value != null) {
                Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(files::add);
            }
        }
        return files;
    }

    /** The origins a message names; a loader may give every example its own (an image file), and a leak be of thousands. */
    private static final int NAMED_ORIGINS = 3;

    /** How many distinct examples two partitions have in common, and where they come from. */
    private record Overlap(int count, List<String> origins) {
        String where() {
            if (origins.size() <= NAMED_ORIGINS) {
                return String.join(", ", origins);
            }
            return String.join(", ", origins.subList(0, NAMED_ORIGINS)) + " and " + (origins.size() - NAMED_ORIGINS) + " more";
        }
    }

    private Overlap overlap(ExampleIds a, ExampleIds b) {
        long[] x = sorted(a);
        long[] y = sorted(b);
        int count = 0;
        Set<Integer> origins = new LinkedHashSet<>();
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                long key = x[i];
                count++;
                origins.add((int) (key >>> 32));
                while (i < x.length && x[i] == key) {
                    i++;
                }
                while (j < y.length && y[j] == key) {
                    j++;
                }
            }
        }
        List<String> where = new ArrayList<>();
        for (int number : origins) {
            // Equal origins may have been reached by two names (a copy of a file): say both.
            String first = nameIn(a, originsByNumber.get(number));
            String second = nameIn(b, originsByNumber.get(number));
            where.add(first.equals(second) ? first : first + " and " + second + ", which hold the same data");
        }
        return new Overlap(count, where);
    }

    private static String nameIn(ExampleIds ids, ExampleOrigin origin) {
        return ids.origins().stream().filter(origin::equals).findFirst().orElse(origin).name();
    }

    private long[] sorted(ExampleIds ids) {
        return sortedKeys.computeIfAbsent(ids, k -> {
            long[] keys = k.keys(this::number);
            Arrays.sort(keys);
            return keys;
        });
    }

    private int number(ExampleOrigin origin) {
        return originNumbers.computeIfAbsent(origin, o -> {
            originsByNumber.add(o);
            return originsByNumber.size() - 1;
        });
    }
}
