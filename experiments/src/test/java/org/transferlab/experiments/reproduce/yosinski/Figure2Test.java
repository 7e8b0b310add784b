package org.transferlab.experiments.reproduce.yosinski;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.transferlab.experiments.reproduce.BlockedInterval;
import org.transferlab.experiments.report.Pixels;

/** Renders both panels of Figure 2 from made-up networks and checks their legend and the means' intervals. */
class Figure2Test {
    private static final int LAYERS = 3;
    private static final double[] BASE = {0.80, 0.86, 0.90, 0.83, 0.88, 0.84};
    private static final double[] NOISE = {-0.03, 0.02, 0.035, -0.01, -0.025, 0.01};

    /**
     * Two splits of three seeds; every network's accuracy is its repetition's baseB plus a shift that does
     * not depend on n (flat curves) and noise of a few points, so each mean has a wide paired interval.
     */
    private static List<Measurement> networks() {
        List<Measurement> all = new ArrayList<>();
        for (int r = 0; r < BASE.length; r++) {
            all.add(new Measurement(r / 3, r % 3, Condition.BASE_B, 0, BASE[r], 1));
            for (int n = 1; n <= LAYERS; n++) {
                all.add(new Measurement(r / 3, r % 3, Condition.BNB, n, BASE[r] + 0.01 + NOISE[r], 1));
                all.add(new Measurement(r / 3, r % 3, Condition.BNB_PLUS, n, BASE[r] + 0.02 + NOISE[(r + 1) % 6], 1));
                all.add(new Measurement(r / 3, r % 3, Condition.ANB, n, BASE[r] - 0.06 + NOISE[(r + 2) % 6], 1));
                all.add(new Measurement(r / 3, r % 3, Condition.ANB_PLUS, n, BASE[r] + NOISE[(r + 3) % 6], 1));
            }
        }
        return all;
    }

    @Test
    void everyLegendEntryStandsOutFromTheLegendsBackground() {
        FigureTwoClaims checks = new FigureTwoClaims(networks(), LAYERS);
        for (XYChart chart : List.of(Figure2.points(networks(), checks, LAYERS, "points"), Figure2.means(checks, LAYERS, "means"))) {
            BitmapEncoder.getBufferedImage(chart);
            Color background = chart.getStyler().getLegendBackgroundColor();
            for (XYSeries series : chart.getSeriesCollection()) {
                if (!series.isShowInLegend()) {
                    continue;
                }
                Color shown = series.getMarker() == null || series.getMarker() == SeriesMarkers.NONE ? series.getLineColor()
                        : series.getMarkerColor();
                assertTrue(Pixels.distance(shown, background) > 150,
                        chart.getTitle() + ": " + series.getName() + " is drawn in " + shown + " on a legend of " + background);
            }
        }
    }

    @Test
    void theMeansPanelShowsEachMeansIntervalPairedWithBaseB() {
        FigureTwoClaims checks = new FigureTwoClaims(networks(), LAYERS);
        XYChart chart = Figure2.means(checks, LAYERS, "means");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        for (Condition condition : List.of(Condition.BNB, Condition.BNB_PLUS, Condition.ANB, Condition.ANB_PLUS)) {
            for (int n = 1; n <= LAYERS; n++) {
                BlockedInterval d = checks.againstBaseB(condition, n);
                double mean = checks.mean(condition, n);
                // Above the (flat) line at 70% of the interval's upper half, only the interval itself is drawn.
                int y = (int) Math.round(chart.getScreenYFromChart(mean + 0.7 * (d.high() - d.mean())));
                int from = (int) Math.round(chart.getScreenXFromChart(n - 0.2));
                int to = (int) Math.round(chart.getScreenXFromChart(n + 0.2));
                assertTrue(Pixels.drawnBetween(image, from, to, y, condition.color),
                        condition.label + " at n = " + n + ": no interval in its colour at y = " + y);
            }
        }
    }
}
