package org.transferlab.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The identities of a block of examples, one {@link ExampleId} per row, kept as primitive arrays: a
 * table of distinct origins and, per row, the index of its origin and its row there. Sixty thousand
 * images cost two int arrays. Immutable; the arrays given to {@link #of} are not copied.
 *
 * <p>The harness compares identities to prove that no example a source trains on is in a target's
 * test partition; see {@code DomainLoader}.
 */
public final class ExampleIds {
    private final ExampleOrigin[] origins;
    private final int[] originOf;
    private final int[] rows;

    private ExampleIds(ExampleOrigin[] origins, int[] originOf, int[] rows) {
        this.origins = origins;
        this.originOf = originOf;
        this.rows = rows;
    }

    /** Row {@code i} is example {@code rows[i]} of {@code origin}. */
    public static ExampleIds of(ExampleOrigin origin, int[] rows) {
        Objects.requireNonNull(origin, "origin");
        for (int row : rows) {
            if (row < 0) {
                throw new IllegalArgumentException("a row is 0 or more, got " + row);
            }
        }
        return new ExampleIds(new ExampleOrigin[] {origin}, new int[rows.length], rows);
    }

    /**
     * Row {@code i} is example {@code rows[i]} of {@code origins.get(i)}: a block whose rows come from
     * many origins, such as one image file each. Equal origins share one entry of the table.
     */
    public static ExampleIds of(List<ExampleOrigin> origins, int[] rows) {
        if (origins.size() != rows.length) {
            throw new IllegalArgumentException(origins.size() + " origins but " + rows.length + " rows");
        }
        Map<ExampleOrigin, Integer> index = new LinkedHashMap<>();
        int[] originOf = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0) {
                throw new IllegalArgumentException("a row is 0 or more, got " + rows[i]);
            }
            ExampleOrigin origin = Objects.requireNonNull(origins.get(i), "origin");
            originOf[i] = index.computeIfAbsent(origin, k -> index.size());
        }
        return new ExampleIds(index.keySet().toArray(ExampleOrigin[]::new), originOf, rows);
    }

    /** Rows {@code 0..count-1} of {@code origin}, in order: a partition that is the whole of its origin. */
    public static ExampleIds range(ExampleOrigin origin, int count) {
        int[] rows = new int[count];
        Arrays.setAll(rows, i -> i);
        return of(origin, rows);
    }

    public int size() {
        return rows.length;
    }

    public ExampleId get(int i) {
        return new ExampleId(origins[originOf[i]], rows[i]);
    }

    /** The distinct origins of these examples, in order of first appearance. */
    public List<ExampleOrigin> origins() {
        return List.of(origins);
    }

    /**
     * One number per row that identifies the example: {@code index(origin) << 32 | row}. With one
     * {@code index} for every block compared, equal numbers are equal identities, so a set of longs
     * compares partitions without an object per example.
     */
    public long[] keys(ToIntFunction<ExampleOrigin> index) {
        long[] byOrigin = new long[origins.length];
        for (int o = 0; o < origins.length; o++) {
            byOrigin[o] = (long) index.applyAsInt(origins[o]) << 32;
        }
        long[] keys = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            keys[i] = byOrigin[originOf[i]] | (rows[i] & 0xffff_ffffL);
        }
        return keys;
    }

    /** The identities of rows {@code at}, in that order. */
    public ExampleIds subset(int[] at) {
        int[] o = new int[at.length];
        int[] r = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            o[i] = originOf[at[i]];
            r[i] = rows[at[i]];
        }
        return new ExampleIds(origins, o, r);
    }

    /** These identities followed by {@code other}'s, whatever their origins. */
    public ExampleIds concat(ExampleIds other) {
        Map<ExampleOrigin, Integer> index = new LinkedHashMap<>();
        for (ExampleOrigin origin : origins) {
            index.putIfAbsent(origin, index.size());
        }
        int[] remap = new int[other.origins.length];
        for (int j = 0; j < other.origins.length; j++) {
            remap[j] = index.computeIfAbsent(other.origins[j], k -> index.size());
        }
        int[] o = Arrays.copyOf(originOf, originOf.length + other.originOf.length);
        for (int i = 0; i < other.originOf.length; i++) {
            o[originOf.length + i] = remap[other.originOf[i]];
        }
        int[] r = Arrays.copyOf(rows, rows.length + other.rows.length);
        System.arraycopy(other.rows, 0, r, rows.length, other.rows.length);
        return new ExampleIds(new ArrayList<>(index.keySet()).toArray(ExampleOrigin[]::new), o, r);
    }
}
