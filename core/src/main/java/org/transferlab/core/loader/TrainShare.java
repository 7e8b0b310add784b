package org.transferlab.core.loader;

/**
 * Which part of a domain's train partition to load. When a source and a target are made from the
 * same underlying examples (the same classes, one of them transformed), the harness gives them
 * disjoint halves, so no target example was seen, in any form, by the source model.
 */
public enum TrainShare {
    ALL,
    FIRST_HALF,
    SECOND_HALF
}
