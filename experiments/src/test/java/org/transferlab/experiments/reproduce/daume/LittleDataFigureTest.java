package org.transferlab.experiments.reproduce.daume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.ChartProbe;
import org.transferlab.experiments.report.Interval;
import org.transferlab.experiments.report.Pixels;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;
import org.transferlab.core.budget.LabelBudget;

/** Renders Chelba &amp; Acero's figure from made-up results rows and checks its axis and intervals. */
class LittleDataFigureTest {
    private static final int[] SIZES = {5, 10, 20, 40};
    private static final double[] NOISE = {-0.8, 0.3, 0.9, -0.5, 0.1};

    /** RMSE per seed: TGTONLY falls from 7 toward 3.5 with the size, PRIOR stays near 3.2; seeds ±0.9 apart. */
    private static List<StoredResult> rows() {
        List<StoredResult> rows = new ArrayList<>();
        for (String target : List.of("europe", "japan")) {
            for (int size : SIZES) {
                for (int seed = 0; seed < NOISE.length; seed++) {
                    rows.add(row(target, "target-only", size, seed, 3.5 + 14.0 / size + NOISE[seed]));
                    rows.add(row(target, "prior", size, seed, 3.2 + NOISE[(seed + 2) % NOISE.length]));
                    rows.add(row(target, "pooled", size, seed, 3.0));
                }
            }
        }
        return rows;
    }

    private static StoredResult row(String target, String strategy, int budget, int seed, double rmse) {
        return ResultFixtures.result().pair("usa", target).strategy(strategy).budget(LabelBudget.total(budget)).seed(seed)
                .metric("rmse", rmse).build();
    }

    @Test
    void everyTargetSizeHasItsTick() {
        XYChart chart = LittleDataFigure.chart(rows());
        BitmapEncoder.getBufferedImage(chart);
        assertEquals(List.of("5", "10", "20", "40"), List.copyOf(ChartProbe.xTicks(chart).keySet()));
    }

    @Test
    void theYAxisSaysWhatTheIntervalIsAndWhichWayIsBetter() {
        String title = LittleDataFigure.chart(rows()).getYAxisTitle();
        assertTrue(title.contains("95% CI") && title.contains("lower is better"), title);
    }

    @Test
    void atOneSizeTheStrategiesStandSideBySide() {
        XYChart chart = LittleDataFigure.chart(rows());
        BitmapEncoder.getBufferedImage(chart);
        XYSeries prior = chart.getSeries("europe PRIOR");
        XYSeries targetOnly = chart.getSeries("europe TGTONLY");
        assertNotEquals(Math.round(chart.getScreenXFromChart(prior.getXData()[0])),
                Math.round(chart.getScreenXFromChart(targetOnly.getXData()[0])));
    }

    @Test
    void theIntervalsAreDrawnInTheirSeriesColour() {
        List<StoredResult> rows = rows();
        XYChart chart = LittleDataFigure.chart(rows);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        XYSeries targetOnly = chart.getSeries("europe TGTONLY");
        List<Double> values = rows.stream().filter(r -> r.target().equals("europe") && r.strategy().equals("target-only")
                && r.budget().amount() == 5).map(r -> r.metric("rmse")).toList();
        Interval interval = Interval.of(values);
        int x = (int) Math.round(chart.getScreenXFromChart(targetOnly.getXData()[0]));
        int y = (int) Math.round(chart.getScreenYFromChart(interval.mean() + 0.7 * (interval.high() - interval.mean())));
        assertTrue(Pixels.drawnBetween(image, x - 2, x + 2, y, targetOnly.getLineColor()),
                "the 95% CI of europe TGTONLY at 5 rows is drawn in its colour " + targetOnly.getLineColor());
    }
}
