package org.transferlab.core.budget;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;

/**
 * Draws a {@link LabelBudget} from a domain's train partition, stratified by class and seeded, and
 * splits the draw into train and validation. The same domain, budget and seed always give the same
 * rows, so every strategy of a cell (and the no-transfer baseline) sees exactly the same target data.
 */
public final class BudgetSampler {
    private final double validationFraction;

    /**
     * @param validationFraction share of the budget held out for validation, in [0, 0.9]; with at
     *                           least two labels, at least one is held out when this is positive
     */
    public BudgetSampler(double validationFraction) {
        if (!(validationFraction >= 0 && validationFraction <= 0.9)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.9], got " + validationFraction);
        }
        this.validationFraction = validationFraction;
    }

    public LabelledSplit draw(Domain domain, LabelBudget budget, long seed) {
        Examples pool = domain.train();
        int[][] rowsByStratum = strata(domain);
        int[] take = allocate(domain, budget, rowsByStratum);
        int total = Arrays.stream(take).sum();
        int[] validationTake = allocateValidation(take, total);

        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> trainRows = new ArrayList<>();
        List<Integer> validationRows = new ArrayList<>();
        for (int s = 0; s < rowsByStratum.length; s++) {
            int[] rows = rowsByStratum[s].clone();
            partialShuffle(rows, take[s], random);
            for (int i = 0; i < take[s]; i++) {
                (i < validationTake[s] ? validationRows : trainRows).add(rows[i]);
            }
        }
        int[] train = trainRows.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] validation = validationRows.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new LabelledSplit(pool.subset(train), pool.subset(validation), train, validation);
    }

    private static int[][] strata(Domain domain) {
        Examples pool = domain.train();
        if (domain.task() != TaskType.CLASSIFICATION) {
            return new int[][] {IntStream.range(0, pool.size()).toArray()};
        }
        int[][] byClass = new int[domain.classCount()][];
        for (int c = 0; c < byClass.length; c++) {
            int cls = c;
            byClass[c] = IntStream.range(0, pool.size()).filter(i -> pool.classOf(i) == cls).toArray();
        }
        return byClass;
    }

    private static int[] allocate(Domain domain, LabelBudget budget, int[][] strata) {
        int[] take = new int[strata.length];
        if (budget.kind() == LabelBudget.Kind.PER_CLASS) {
            if (domain.task() != TaskType.CLASSIFICATION) {
                throw new TransferLabException("budget " + budget.label() + " is per class, but domain '"
                        + domain.name() + "' is a " + domain.task().name().toLowerCase() + " domain; use a total budget");
            }
            for (int c = 0; c < strata.length; c++) {
                if (budget.amount() > strata[c].length) {
                    throw new TransferLabException("budget " + budget.label() + " is larger than the "
                            + strata[c].length + " training examples of class '" + domain.classNames().get(c)
                            + "' in domain '" + domain.name() + "'");
                }
                take[c] = budget.amount();
            }
            return take;
        }
        int available = Arrays.stream(strata).mapToInt(s -> s.length).sum();
        if (budget.amount() > available) {
            throw new TransferLabException("budget " + budget.label() + " is larger than the " + available
                    + " training examples of domain '" + domain.name() + "'");
        }
        int[] sizes = Arrays.stream(strata).mapToInt(s -> s.length).toArray();
        return largestRemainder(budget.amount(), sizes, sizes);
    }

    private int[] allocateValidation(int[] take, int total) {
        if (validationFraction == 0 || total < 2) {
            return new int[take.length];
        }
        int wanted = Math.max(1, (int) Math.round(validationFraction * total));
        // Keep at least one training example in every stratum that has one.
        int[] cap = Arrays.stream(take).map(t -> Math.max(0, t - 1)).toArray();
        wanted = Math.min(wanted, Arrays.stream(cap).sum());
        return largestRemainder(wanted, take, cap);
    }

    /** Splits {@code amount} over strata in proportion to {@code weights}, never above {@code cap}. */
    private static int[] largestRemainder(int amount, int[] weights, int[] cap) {
        long weightSum = Arrays.stream(weights).asLongStream().sum();
        int[] share = new int[weights.length];
        if (amount == 0 || weightSum == 0) {
            return share;
        }
        double[] remainder = new double[weights.length];
        int given = 0;
        for (int s = 0; s < weights.length; s++) {
            double exact = (double) amount * weights[s] / weightSum;
            share[s] = Math.min(cap[s], (int) Math.floor(exact));
            remainder[s] = exact - Math.floor(exact);
            given += share[s];
        }
        while (given < amount) {
            int best = -1;
            for (int s = 0; s < weights.length; s++) {
                if (share[s] < cap[s] && (best < 0 || remainder[s] > remainder[best])) {
                    best = s;
                }
            }
            if (best < 0) {
                break;
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        return share;
    }

    /** Fisher-Yates over the first {@code count} positions only: a uniform sample without replacement. */
    private static void partialShuffle(int[] rows, int count, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(rows.length - i);
            int tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
    }
}
