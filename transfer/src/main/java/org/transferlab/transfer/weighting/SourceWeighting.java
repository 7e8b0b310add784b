package org.transferlab.transfer.weighting;

/** How a strategy weights source rows against target rows, both standardised alike: KMM's β or KLIEP's ŵ. */
@FunctionalInterface
interface SourceWeighting {
    /** One weight per row of {@code source}, and a line saying how they came about; seeded where it draws. */
    Result weigh(double[][] source, double[][] target, long seed);

    /** The weights and their description for the cell's provenance. */
    record Result(double[] weights, String description) {
    }
}
