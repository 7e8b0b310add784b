package org.transferlab.core.data;

import java.util.Objects;

/**
 * The identity of one example: the data it was read from and its row there (a file's data row or
 * record from 0, an image's index). Two examples with equal identities are the same example, even
 * when one of them was transformed (rotated, noised, imputed) on the way.
 *
 * @param origin the data
 * @param row    the example's position in it, from 0
 */
public record ExampleId(ExampleOrigin origin, int row) {
    public ExampleId {
        Objects.requireNonNull(origin, "origin");
        if (row < 0) {
            throw new IllegalArgumentException("a row is 0 or more, got " + row);
        }
    }

    @Override
    public String toString() {
        return origin.name() + " row " + row;
    }
}
