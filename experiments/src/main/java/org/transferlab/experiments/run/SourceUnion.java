package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TestPartition;

/**
 * The domain of a {@link org.transferlab.experiments.config.SourceGroup}: its members' examples one after another,
 * over the union of their label spaces (each class name once, in the order the members first name it), with every
 * example keeping its identity, so the disjointness proof and the source model's cache key see exactly what the
 * group's source network is trained on.
 */
final class SourceUnion {
    private SourceUnion() {
    }

    /** The union of {@code members} under {@code name}; they must share a task and a feature shape. */
    static Domain of(String name, List<Domain> members) {
        Domain first = members.get(0);
        List<String> classNames = new ArrayList<>();
        for (Domain member : members) {
            if (member.task() != first.task() || !member.shape().equals(first.shape())) {
                throw new TransferLabException("sources '" + first.name() + "' (" + first.task().name().toLowerCase() + ", "
                        + first.shape() + ") and '" + member.name() + "' (" + member.task().name().toLowerCase() + ", "
                        + member.shape() + ") cannot be combined: several sources of one pair need the same task and "
                        + "feature shape, since one source network is trained on all of them");
            }
            member.classNames().stream().filter(c -> !classNames.contains(c)).forEach(classNames::add);
        }
        Examples train = null;
        Examples test = null;
        Map<String, String> provenance = new LinkedHashMap<>();
        for (Domain member : members) {
            train = append(train, relabelled(member.train(), member.classNames(), classNames));
            test = append(test, relabelled(member.test().open(), member.classNames(), classNames));
            member.provenance().forEach((key, value) -> provenance.put(member.name() + "." + key, value));
        }
        return new Domain(name, first.task(), classNames, first.shape(), train, new TestPartition(name, test), provenance);
    }

    private static Examples append(Examples sofar, Examples next) {
        return sofar == null ? next : sofar.concat(next);
    }

    private static Examples relabelled(Examples examples, List<String> own, List<String> union) {
        if (!examples.hasClasses() || own.equals(union.subList(0, Math.min(own.size(), union.size())))) {
            return examples;
        }
        int[] classes = examples.classes();
        int[] mapped = new int[classes.length];
        for (int i = 0; i < classes.length; i++) {
            mapped[i] = union.indexOf(own.get(classes[i]));
        }
        Examples out = Examples.classified(examples.featureMatrix(), examples.featureCount(), mapped);
        return examples.ids().map(out::withIds).orElse(out);
    }
}
