package org.transferlab.experiments.reproduce.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.ChartProbe;

/** Renders the benchmark's two figures from made-up accuracies and checks their axes. */
class BenchmarkFiguresTest {
    private static final List<BenchmarkEntry> ENTRIES = BenchmarkEntry.all(200, 32, 20);

    @Test
    void theAccuracyBarsStartAtZeroOrSaySo() {
        Map<BenchmarkEntry, double[]> means = new LinkedHashMap<>();
        double[] ours = {0.836, 0.841, 0.827};
        for (int i = 0; i < ours.length; i++) {
            means.put(ENTRIES.get(i), new double[] {ours[i], 10, 5000});
        }
        CategoryChart chart = FashionMnistBenchmark.comparisonChart(means);
        BitmapEncoder.getBufferedImage(chart);
        double bottom = ChartProbe.yAxisMin(chart);
        assertTrue(bottom == 0 || chart.getTitle().contains("axis starts at") || chart.getYAxisTitle().contains("axis starts at"),
                "a bar's length must be its accuracy: the axis starts at " + bottom + " and nothing says so");
    }

    @Test
    void severalRunsGiveOursTheirInterval() {
        Map<BenchmarkEntry, double[]> means = new LinkedHashMap<>();
        means.put(ENTRIES.get(0), new double[] {0.836, 10, 60_000, 0.004});
        means.put(ENTRIES.get(1), new double[] {0.841, 10, 60_000, 0.006});
        CategoryChart chart = FashionMnistBenchmark.comparisonChart(means);
        assertArrayEquals(new double[] {0.004, 0.006}, chart.getSeries("ours").getExtraValues(), 1e-12);
        assertTrue(chart.getTitle().contains("95% CI"), chart.getTitle());
    }

    @Test
    void theSizeStudyLabelsItsAxisWithPlainNumbers() {
        XYChart chart = FashionMnistBenchmark.sizeStudyChart(ENTRIES.get(5), new int[] {2_500, 5_000, 10_000, 20_000},
                new double[] {0.814, 0.826, 0.829, 0.839});
        BitmapEncoder.getBufferedImage(chart);
        Set<String> labels = ChartProbe.xTicks(chart).keySet();
        assertTrue(labels.size() >= 3, "a log axis over 2,500 to 60,000 images needs more than " + labels);
        for (String label : labels) {
            assertTrue(label.matches("[0-9]{1,3}(,[0-9]{3})*"), "training sizes read as plain numbers, not " + label);
        }
        assertEquals(true, labels.contains("10,000"), labels.toString());
    }
}
