package org.transferlab.experiments.reproduce.yosinski;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two panels of Yosinski et al.'s Figure 2: on top every network as a point (baseB white circles at
 * n = 0, BnB dark blue and BnB+ light blue circles, AnB dark red and AnB+ light red diamonds) with lines
 * through the means; below, the means alone.
 */
final class Figure2 {
    private static final double JITTER = 0.06;

    private Figure2() {
    }

    static XYChart points(List<Measurement> all, Map<Condition, double[]> means, int layers, String title) {
        XYChart chart = frame(title, layers);
        for (Condition condition : Condition.values()) {
            List<Measurement> of = all.stream().filter(m -> m.condition() == condition).toList();
            if (of.isEmpty()) {
                continue;
            }
            double offset = switch (condition) {
                case BNB -> -1.5 * JITTER;
                case BNB_PLUS -> -0.5 * JITTER;
                case ANB -> 0.5 * JITTER;
                case ANB_PLUS -> 1.5 * JITTER;
                case BASE_B -> 0;
            };
            XYSeries series = chart.addSeries(condition.label, of.stream().mapToDouble(m -> m.n() + offset).toArray(),
                    of.stream().mapToDouble(Measurement::accuracy).toArray());
            style(series, condition, false);
        }
        addMeans(chart, means, layers, true);
        return chart;
    }

    static XYChart means(Map<Condition, double[]> means, int layers, String title) {
        XYChart chart = frame(title, layers);
        addMeans(chart, means, layers, false);
        return chart;
    }

    private static XYChart frame(String title, int layers) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle("layer n at which the network is chopped and retrained")
                .yAxisTitle("test accuracy on B (higher is better)").build();
        chart.getStyler().setPlotBackgroundColor(new Color(0xE8E8E8));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setXAxisMin(-0.3);
        chart.getStyler().setXAxisMax(layers + 0.3);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(9);
        return chart;
    }

    private static void addMeans(XYChart chart, Map<Condition, double[]> means, int layers, boolean hideLegend) {
        double base = means.get(Condition.BASE_B)[0];
        XYSeries baseline = chart.addSeries("baseB mean", new double[] {0, layers}, new double[] {base, base});
        baseline.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        baseline.setMarker(SeriesMarkers.NONE);
        baseline.setLineColor(Color.DARK_GRAY);
        baseline.setLineStyle(SeriesLines.DASH_DASH);
        for (Condition condition : Condition.values()) {
            if (!condition.transfers()) {
                continue;
            }
            double[] byN = means.get(condition);
            double[] x = new double[layers + 1];
            double[] y = new double[layers + 1];
            x[0] = 0;
            y[0] = base;
            for (int n = 1; n <= layers; n++) {
                x[n] = n;
                y[n] = byN[n];
            }
            XYSeries series = chart.addSeries(condition.label + (hideLegend ? " mean" : ""), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setLineColor(condition.color);
            series.setMarker(hideLegend ? SeriesMarkers.NONE : marker(condition));
            series.setMarkerColor(condition.color);
            series.setShowInLegend(!hideLegend);
        }
    }

    private static void style(XYSeries series, Condition condition, boolean line) {
        series.setXYSeriesRenderStyle(line ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker(condition));
        series.setMarkerColor(condition.color);
    }

    private static Marker marker(Condition condition) {
        return condition.source == Condition.Base.A ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE;
    }
}
