package org.transferlab.experiments.run;

import org.transferlab.core.loader.TrainShare;
import org.transferlab.experiments.config.DomainEntry;

/**
 * Which part of their train partitions a pair's source and target load: disjoint halves when they are
 * made from the same examples (so no target example was seen by the source model, in any form), all
 * of it otherwise.
 */
public record PairShares(TrainShare source, TrainShare target) {
    public static final PairShares ALL = new PairShares(TrainShare.ALL, TrainShare.ALL);
    public static final PairShares HALVES = new PairShares(TrainShare.FIRST_HALF, TrainShare.SECOND_HALF);

    public static PairShares of(DomainEntry source, DomainEntry target) {
        return source.sharesExamplesWith(target) ? HALVES : ALL;
    }
}
