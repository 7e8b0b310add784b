package org.transferlab.experiments.config;

import java.util.List;
import java.util.stream.Collectors;
import org.transferlab.core.loader.TrainShare;

/**
 * Several source domains of one pair ({@code {sources: [a, b], target: t}}) taken together: the union of their
 * train partitions, over the union of their label spaces, that one source network is trained on and that pooled
 * strategies read; the strategies that use the sources one by one ({@code best-source}, {@code source-ensemble})
 * see each member apart as well. Every member is loaded with the part of its train partition it has against the
 * target: the first half when it is made from the target's examples, all of it otherwise; the target then keeps
 * the second half for the group and for each member's own pair, so all of them are compared on the same labels.
 *
 * @param members     the source domains with the share of their train partitions each is loaded with, in the
 *                    config's order
 * @param targetShare the share of the target's train partition the pair's cells load
 */
public record SourceGroup(List<Member> members, TrainShare targetShare) implements SourceEntry {
    /** One source domain of the group and the part of its train partition it contributes. */
    public record Member(DomainEntry domain, TrainShare share) {
    }

    public SourceGroup {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a source group has at least two members, got " + members.size());
        }
    }

    /** The group of {@code sources} for {@code target}, with every share decided. */
    public static SourceGroup of(List<DomainEntry> sources, DomainEntry target) {
        boolean anyShares = sources.stream().anyMatch(s -> s.sharesExamplesWith(target));
        List<Member> members = sources.stream()
                .map(s -> new Member(s, s.sharesExamplesWith(target) ? TrainShare.FIRST_HALF : TrainShare.ALL))
                .toList();
        return new SourceGroup(members, anyShares ? TrainShare.SECOND_HALF : TrainShare.ALL);
    }

    /** The members' names joined by {@code +}, which no domain name contains. */
    @Override
    public String name() {
        return members.stream().map(m -> m.domain().name()).collect(Collectors.joining("+"));
    }

    @Override
    public String canonical() {
        return "sources[" + members.stream().map(m -> m.domain().canonical() + "@" + m.share()).collect(Collectors.joining(", "))
                + "]";
    }

    @Override
    public int line() {
        return members.get(0).domain().line();
    }
}
