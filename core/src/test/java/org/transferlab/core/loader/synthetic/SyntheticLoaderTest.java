package org.transferlab.core.loader.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.LoadContext;

class SyntheticLoaderTest {
    private static final LoadContext CONTEXT = LoadContext.of(Path.of("unused"));

    private static SyntheticLoader.Parameters classification(double shift) {
        return new SyntheticLoader.Parameters(TaskType.CLASSIFICATION, 3, 8, 300, 150, 3, 1, shift, 1, 2, 3);
    }

    @Test
    void sameParametersGiveTheSameDomain() {
        Domain a = new SyntheticLoader().load("a", classification(0.5), CONTEXT);
        Domain b = new SyntheticLoader().load("a", classification(0.5), CONTEXT);
        assertArrayEquals(a.train().featureMatrix(), b.train().featureMatrix());
        assertArrayEquals(a.train().classes(), b.train().classes());
        assertEquals(300, a.train().size());
        assertEquals(150, a.test().size());
        assertArrayEquals(new int[] {100, 100, 100}, a.train().classCounts(3));
    }

    @Test
    void examplesAreIdentifiedByTheirDomainPartitionAndIndex() {
        Domain a = new SyntheticLoader().load("a", classification(0.5), CONTEXT);
        Domain b = new SyntheticLoader().load("b", classification(0.5), CONTEXT);
        assertEquals(299, a.train().ids().orElseThrow().get(299).row());
        assertNotEquals(a.train().ids().orElseThrow().origins(), a.test().ids().orElseThrow().origins());
        assertNotEquals(a.train().ids().orElseThrow().origins(), b.train().ids().orElseThrow().origins(),
                "the name seeds the sample, so two domains never share an example");
        assertEquals(a.train().ids().orElseThrow().origins(),
                new SyntheticLoader().load("a", classification(0.5), CONTEXT).train().ids().orElseThrow().origins());
    }

    @Test
    void theShiftMovesClassMeansInProportion() {
        double[] distances = new double[3];
        Domain world = new SyntheticLoader().load("world", classification(0), CONTEXT);
        double[] shifts = {0, 1, 3};
        for (int s = 0; s < shifts.length; s++) {
            Domain shifted = new SyntheticLoader().load("shifted", classification(shifts[s]), CONTEXT);
            distances[s] = distance(classMean(world.train(), 0), classMean(shifted.train(), 0));
        }
        assertTrue(distances[0] < 0.8, "no shift: only sampling noise apart, was " + distances[0]);
        assertTrue(distances[1] > distances[0] && distances[2] > 2 * distances[1], java.util.Arrays.toString(distances));
    }

    @Test
    void regressionDomainsHaveRealTargets() {
        Domain domain = new SyntheticLoader().load("r",
                new SyntheticLoader.Parameters(TaskType.REGRESSION, 2, 4, 50, 20, 1, 0.1, 0, 1, 2, 3), CONTEXT);
        assertEquals(TaskType.REGRESSION, domain.task());
        assertEquals(50, domain.train().values().length);
    }

    private static double[] classMean(Examples examples, int cls) {
        double[] mean = new double[examples.featureCount()];
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (examples.classOf(i) == cls) {
                n++;
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += examples.feature(i, j);
                }
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(sum);
    }
}
