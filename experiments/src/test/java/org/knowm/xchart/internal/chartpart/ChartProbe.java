package org.knowm.xchart.internal.chartpart;

import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What XChart laid out when it last painted a chart: the tick labels it kept and where, the plot's and the
 * legend's bounds. The figure tests read these because XChart writes text into its SVG as outlines, not as
 * text, and keeps its layout package-private; this class sits in XChart's package (on the test class path
 * only) to reach it without reflection, so an XChart upgrade that changes the layout fails to compile here.
 */
public final class ChartProbe {
    private ChartProbe() {
    }

    /** The x axis tick labels that are drawn, in order, each with its screen x. */
    public static Map<String, Double> xTicks(AxesChart<?, ?> chart) {
        Axis_<?, ?> axis = chart.getXAxis();
        Rectangle2D bounds = axis.getBounds();
        return ticks(axis.getAxisTickCalculator(), bounds.getX(), 1, bounds.getX(), bounds.getMaxX());
    }

    /** The y axis tick labels that are drawn, bottom first, each with its screen y. */
    public static Map<String, Double> yTicks(AxesChart<?, ?> chart) {
        Axis_<?, ?> axis = chart.getYAxis();
        Rectangle2D bounds = axis.getBounds();
        return ticks(axis.getAxisTickCalculator(), bounds.getMaxY(), -1, bounds.getY(), bounds.getMaxY());
    }

    public static Rectangle2D plotBounds(Chart<?, ?> chart) {
        return chart.getPlot().getBounds();
    }

    /** The legend's box where it was painted (its own bounds only hold the size). */
    public static Rectangle2D legendBounds(Chart<?, ?> chart) {
        Legend_<?, ?> legend = chart.getLegend();
        Rectangle2D size = legend.getBounds();
        return new Rectangle2D.Double(legend.xOffset, legend.yOffset, size.getWidth(), size.getHeight());
    }

    /** The smallest value the y axis shows. */
    public static double yAxisMin(AxesChart<?, ?> chart) {
        return chart.getYAxis().getMin();
    }

    /** As AxisTickLabels draws them: only labels that are set and fall strictly inside the axis. */
    private static Map<String, Double> ticks(AxisTickCalculator calculator, double origin, int sign, double from, double to) {
        List<String> labels = calculator.getTickLabels();
        List<Double> locations = calculator.getTickLocations();
        Map<String, Double> ticks = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            double at = origin + sign * locations.get(i);
            if (labels.get(i) != null && !labels.get(i).isBlank() && at > from && at < to) {
                ticks.put(labels.get(i), at);
            }
        }
        return ticks;
    }
}
