package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.ChartProbe;

/** The category axis gets one labelled tick per category, whatever the number of categories and series. */
class CategoryPlotTest {
    @Test
    void everyCategoryHasItsTickWithOrWithoutIntervals() {
        for (int categories : new int[] {1, 2, 3, 5, 8}) {
            for (int count : new int[] {1, 2, 8}) {
                for (boolean intervals : new boolean[] {true, false}) {
                    List<String> labels = IntStream.range(0, categories).mapToObj(i -> Integer.toString(5 << i)).toList();
                    CategoryPlot plot = new CategoryPlot(new XYChartBuilder().width(800).height(400).build(), labels);
                    for (int s = 0; s < count; s++) {
                        List<CategoryPlot.Point> points = new ArrayList<>();
                        for (int c = 0; c < categories; c++) {
                            double mean = 1 + 0.1 * s + 0.05 * c;
                            points.add(intervals ? new CategoryPlot.Point(c, mean, mean - 0.2, mean + 0.3)
                                    : new CategoryPlot.Point(c, mean, Double.NaN, Double.NaN));
                        }
                        plot.add("s" + s, CategoryPlot.Style.nth(s), points);
                    }
                    XYChart chart = plot.chart();
                    BitmapEncoder.getBufferedImage(chart);
                    assertEquals(labels, List.copyOf(ChartProbe.xTicks(chart).keySet()),
                            categories + " categories, " + count + " series, intervals " + intervals);
                }
            }
        }
    }
}
