package org.transferlab.core.budget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.synthetic.SyntheticLoader;

class BudgetSamplerTest {
    private static final Domain DOMAIN = new SyntheticLoader().load("target",
            new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 4, 6, 400, 200, 2, 1, 0, 1, 2, 3),
            LoadContext.of(Path.of("unused")));

    @Test
    void perClassBudgetsAreExactAndStratified() {
        LabelledSplit split = new BudgetSampler(0.2).draw(DOMAIN, LabelBudget.perClass(10), 5);
        int[] total = new int[4];
        for (Examples part : new Examples[] {split.train(), split.validation()}) {
            int[] counts = part.classCounts(4);
            for (int c = 0; c < 4; c++) {
                total[c] += counts[c];
            }
        }
        assertArrayEquals(new int[] {10, 10, 10, 10}, total);
        assertEquals(8, split.validationRows().length, "a fifth of the 40 labels");
        assertArrayEquals(new int[] {2, 2, 2, 2}, split.validation().classCounts(4));
    }

    @Test
    void validationComesOutOfTheBudgetAndIsDisjointFromTrain() {
        LabelledSplit split = new BudgetSampler(0.25).draw(DOMAIN, LabelBudget.perClass(8), 9);
        Set<Integer> train = new HashSet<>();
        Arrays.stream(split.trainRows()).forEach(train::add);
        assertEquals(32, split.budgetSize());
        for (int row : split.validationRows()) {
            assertFalse(train.contains(row), "row " + row + " is in both train and validation");
        }
    }

    @Test
    void theSameSeedGivesTheSameDrawAndAnotherSeedAnother() {
        BudgetSampler sampler = new BudgetSampler(0.2);
        LabelledSplit a = sampler.draw(DOMAIN, LabelBudget.perClass(5), 1);
        LabelledSplit b = sampler.draw(DOMAIN, LabelBudget.perClass(5), 1);
        LabelledSplit c = sampler.draw(DOMAIN, LabelBudget.perClass(5), 2);
        assertArrayEquals(a.trainRows(), b.trainRows());
        assertArrayEquals(a.validationRows(), b.validationRows());
        assertFalse(Arrays.equals(a.trainRows(), c.trainRows()));
    }

    @Test
    void everyDrawnExampleIsATrainPartitionRowNeverATestRow() {
        LabelledSplit split = new BudgetSampler(0.2).draw(DOMAIN, LabelBudget.perClass(20), 3);
        Examples pool = DOMAIN.train();
        Set<String> trainRows = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            trainRows.add(row(pool, i));
        }
        Examples test = DOMAIN.test().open();
        Set<String> testRows = new HashSet<>();
        for (int i = 0; i < test.size(); i++) {
            testRows.add(row(test, i));
        }
        for (Examples part : new Examples[] {split.train(), split.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(trainRows.contains(row(part, i)));
                assertFalse(testRows.contains(row(part, i)), "a budget example equals a test example");
            }
        }
    }

    @Test
    void totalBudgetsAreSplitInProportionToClassSizes() {
        LabelledSplit split = new BudgetSampler(0).draw(DOMAIN, LabelBudget.total(10), 4);
        assertEquals(10, split.train().size());
        assertEquals(0, split.validation().size());
        int[] counts = split.train().classCounts(4);
        for (int count : counts) {
            assertTrue(count == 2 || count == 3, Arrays.toString(counts));
        }
    }

    @Test
    void aBudgetLargerThanAClassIsAnError() {
        TransferLabException e = assertThrows(TransferLabException.class,
                () -> new BudgetSampler(0.2).draw(DOMAIN, LabelBudget.perClass(101), 1));
        assertEquals("budget 101/class is larger than the 100 training examples of class 'class-0' in domain 'target'",
                e.getMessage());
        assertThrows(TransferLabException.class, () -> new BudgetSampler(0.2).draw(DOMAIN, LabelBudget.total(401), 1));
        assertThrows(IllegalArgumentException.class, () -> LabelBudget.perClass(-1));
    }

    private static String row(Examples examples, int i) {
        float[] values = new float[examples.featureCount()];
        for (int j = 0; j < values.length; j++) {
            values[j] = examples.feature(i, j);
        }
        return Arrays.toString(values);
    }
}
