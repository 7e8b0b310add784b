package org.transferlab.experiments.reproduce.yosinski;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.transferlab.experiments.report.CategoryPlot;
import org.transferlab.experiments.reproduce.BlockedInterval;

/**
 * The two panels of Yosinski et al.'s Figure 2: on top every network as a point (baseB near-black circles at
 * n = 0, BnB dark blue and BnB+ light blue circles, AnB dark red and AnB+ light red diamonds) with lines
 * through the means; below, the means alone, each with its 95% interval paired with baseB.
 */
final class Figure2 {
    private static final double JITTER = 0.06;

    private Figure2() {
    }

    static XYChart points(List<Measurement> all, FigureTwoClaims checks, int layers, String title) {
        XYChart chart = frame(title, layers);
        for (Condition condition : Condition.values()) {
            List<Measurement> of = all.stream().filter(m -> m.condition() == condition).toList();
            if (of.isEmpty()) {
                continue;
            }
            XYSeries series = chart.addSeries(condition.label, of.stream().mapToDouble(m -> m.n() + offset(condition)).toArray(),
                    of.stream().mapToDouble(Measurement::accuracy).toArray());
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(marker(condition));
            series.setMarkerColor(condition.color);
        }
        addMeans(chart, checks, layers, false);
        return chart;
    }

    /**
     * The means; at each n a bar from baseB's mean plus the lower to baseB's mean plus the upper end of the
     * 95% Student-t interval of the paired difference from baseB (same split and seed). The bar is centred on
     * the mean, and it misses baseB's dashed line exactly when the difference is significant, which is what
     * the claims test; the spread between splits, which pairing removes, would hide that.
     */
    static XYChart means(FigureTwoClaims checks, int layers, String title) {
        XYChart chart = frame(title, layers);
        addMeans(chart, checks, layers, true);
        return chart;
    }

    private static XYChart frame(String title, int layers) {
        XYChart chart = new XYChartBuilder().width(980).height(520).title(title)
                .xAxisTitle("layer n at which the network is chopped and retrained")
                .yAxisTitle("test accuracy on B (higher is better)").build();
        chart.getStyler().setPlotBackgroundColor(new Color(0xE8E8E8));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(-0.3);
        chart.getStyler().setXAxisMax(layers + 0.3);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(9);
        return chart;
    }

    /** The mean lines; in the means panel with their intervals, in the legend, and dodged as the points are. */
    private static void addMeans(XYChart chart, FigureTwoClaims checks, int layers, boolean meansPanel) {
        double base = checks.mean(Condition.BASE_B, 0);
        XYSeries baseline = chart.addSeries("baseB mean", new double[] {0, layers}, new double[] {base, base});
        baseline.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        baseline.setMarker(SeriesMarkers.NONE);
        baseline.setLineColor(Color.DARK_GRAY);
        baseline.setLineStyle(SeriesLines.DASH_DASH);
        for (Condition condition : Condition.values()) {
            if (!condition.transfers()) {
                continue;
            }
            double shift = meansPanel ? offset(condition) : 0;
            double[] x = new double[layers + 1];
            double[] y = new double[layers + 1];
            x[0] = 0;
            y[0] = base;
            List<double[]> intervals = new ArrayList<>();
            for (int n = 1; n <= layers; n++) {
                x[n] = n + shift;
                y[n] = checks.mean(condition, n);
                BlockedInterval d = checks.againstBaseB(condition, n);
                if (d.defined()) {
                    intervals.add(new double[] {x[n], base + d.low(), base + d.high()});
                }
            }
            if (meansPanel && !intervals.isEmpty()) {
                CategoryPlot.whiskers(chart, condition.label + " 95% CI", intervals.stream().mapToDouble(i -> i[0]).toArray(),
                        intervals.stream().mapToDouble(i -> i[1]).toArray(), intervals.stream().mapToDouble(i -> i[2]).toArray(),
                        JITTER / 3, condition.color);
            }
            XYSeries series = chart.addSeries(condition.label + (meansPanel ? "" : " mean"), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setLineColor(condition.color);
            series.setLineStyle(SeriesLines.SOLID);
            series.setMarker(meansPanel ? marker(condition) : SeriesMarkers.NONE);
            series.setMarkerColor(condition.color);
            series.setShowInLegend(meansPanel);
        }
    }

    /** Sideways offsets that keep the four transfer conditions at one n from hiding each other. */
    private static double offset(Condition condition) {
        return switch (condition) {
            case BNB -> -1.5 * JITTER;
            case BNB_PLUS -> -0.5 * JITTER;
            case ANB -> 0.5 * JITTER;
            case ANB_PLUS -> 1.5 * JITTER;
            case BASE_B -> 0;
        };
    }

    private static Marker marker(Condition condition) {
        return condition.source == Condition.Base.A ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE;
    }
}
