package org.transferlab.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Means with their intervals at a few ordered x categories (label budgets, target sizes), drawn on an
 * XChart {@link XYChart}: the categories evenly spaced with a labelled tick at every one (a budget of 0
 * included), each series' intervals as whiskers in the series' own colour, the series dodged sideways so
 * that intervals at one category do not hide each other, and the legend outside the plot.
 *
 * <p>Even spacing is what a logarithmic axis shows for budgets that double (5, 10, 20, 40); for others it
 * is an ordinal axis, and the caller's axis title should say so. XChart cannot put ticks at given values
 * nor draw an interval that is not symmetric about its point, hence the axis formatter and the whisker
 * series below. Not thread-safe: build one chart per thread.
 */
public final class CategoryPlot {
    /** Ten colours that stay apart on white, for non-baseline series (Tableau 10). */
    private static final Color[] PALETTE = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x7F7F7F)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    /** The widest sideways step between two series, and the widest spread of all of them, in categories. */
    private static final double MAX_STEP = 0.08;
    private static final double MAX_SPREAD = 0.6;
    private static final BasicStroke LINE = new BasicStroke(2f);
    private static final BasicStroke WHISKER = new BasicStroke(1.5f);
    /** Wider than any plot: see {@link #tickLabel}. */
    private static final String NEVER_FITS = "M".repeat(400);

    /**
     * One point of a series.
     *
     * @param category index into the plot's categories
     * @param mean     the point
     * @param low      lower end of its interval, NaN for none (one seed)
     * @param high     upper end of its interval, NaN for none
     */
    public record Point(int category, double mean, double low, double high) {
        /** The point with the bounds of {@code interval} (undefined bounds: no whisker). */
        public static Point of(int category, Interval interval) {
            return new Point(category, interval.mean(), interval.low(), interval.high());
        }

        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /**
     * How a series looks.
     *
     * @param color  line, marker and whisker colour
     * @param marker marker, shown in the legend too
     * @param line   the line joining the points
     */
    public record Style(Color color, Marker marker, BasicStroke line) {
        /** The {@code i}-th of the plot's distinct styles: colours cycle every 10, markers every 6. */
        public static Style nth(int i) {
            return new Style(PALETTE[i % PALETTE.length], MARKERS[i % MARKERS.length], LINE);
        }

        /** The reference a study compares with (target-only): black and dashed. */
        public static Style baseline() {
            return new Style(new Color(0x202020), SeriesMarkers.CIRCLE, SeriesLines.DASH_DASH);
        }
    }

    private record Series(String name, Style style, List<Point> points) {
    }

    private final XYChart chart;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();

    /**
     * @param chart      an empty chart with its size, title and axis titles
     * @param categories the x categories, left to right
     */
    public CategoryPlot(XYChart chart, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a category plot needs at least one category");
        }
        this.chart = chart;
        this.categories = List.copyOf(categories);
    }

    /** Adds a series; series are dodged in the order they are added, the first leftmost. */
    public CategoryPlot add(String name, Style style, List<Point> points) {
        series.add(new Series(name, style, List.copyOf(points)));
        return this;
    }

    /** Draws the series into the chart and returns it. */
    public XYChart chart() {
        int k = categories.size();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(-0.5);
        chart.getStyler().setXAxisMax(k - 0.5);
        List<List<Point>> drawn = series.stream().map(s -> s.points().stream().filter(p -> Double.isFinite(p.mean()))
                .sorted(Comparator.comparingInt(Point::category)).toList()).toList();
        OptionalDouble anyMean = drawn.stream().flatMap(List::stream).mapToDouble(Point::mean).findFirst();
        if (anyMean.isEmpty()) {
            return chart;
        }
        chart.getStyler().setXAxisTickLabelsFormattingFunction(this::tickLabel);
        // For equally spaced x data XChart ticks the data values themselves. With the series dodged those lie
        // between categories, whose labels never fit, and it would search for a fitting step forever. An
        // invisible series at both ends of the axis, added first, keeps the x data from being equally spaced.
        XYSeries anchor = chart.addSeries(" axis ends", new double[] {-0.5, k - 0.5},
                new double[] {anyMean.getAsDouble(), anyMean.getAsDouble()});
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setLineStyle(SeriesLines.NONE);
        anchor.setShowInLegend(false);
        double step = Math.min(MAX_STEP, MAX_SPREAD / Math.max(1, series.size()));
        for (int j = 0; j < series.size(); j++) {
            Series s = series.get(j);
            List<Point> points = drawn.get(j);
            if (points.isEmpty()) {
                continue;
            }
            double offset = (j - (series.size() - 1) / 2.0) * step;
            if (points.stream().anyMatch(Point::hasInterval)) {
                whiskers(s.name() + " (95% CI)", points, offset, step / 3, s.style().color());
            }
            XYSeries means = chart.addSeries(s.name(), points.stream().mapToDouble(p -> p.category() + offset).toArray(),
                    points.stream().mapToDouble(Point::mean).toArray());
            means.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            means.setLineColor(s.style().color());
            means.setLineStyle(s.style().line());
            means.setMarker(s.style().marker());
            means.setMarkerColor(s.style().color());
        }
        return chart;
    }

    private void whiskers(String name, List<Point> points, double offset, double cap, Color color) {
        List<Point> withInterval = points.stream().filter(Point::hasInterval).toList();
        whiskers(chart, name, withInterval.stream().mapToDouble(p -> p.category() + offset).toArray(),
                withInterval.stream().mapToDouble(Point::low).toArray(), withInterval.stream().mapToDouble(Point::high).toArray(), cap, color);
    }

    /**
     * Adds a series, hidden from the legend, that draws the interval [low[i], high[i]] at x[i] as a vertical
     * bar with caps {@code cap} wide either side, in {@code color}. Unlike XChart's error bars the interval
     * need not be symmetric, and it takes its series' colour. Add it before the series of the means, so
     * that their markers are drawn on top.
     */
    public static XYSeries whiskers(XYChart chart, String name, double[] x, double[] low, double[] high, double cap, Color color) {
        List<double[]> path = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            // A NaN y breaks XChart's line, so each bar and cap is its own stroke.
            path.add(new double[] {x[i] - cap, low[i]});
            path.add(new double[] {x[i] + cap, low[i]});
            path.add(new double[] {x[i], Double.NaN});
            path.add(new double[] {x[i], low[i]});
            path.add(new double[] {x[i], high[i]});
            path.add(new double[] {x[i], Double.NaN});
            path.add(new double[] {x[i] - cap, high[i]});
            path.add(new double[] {x[i] + cap, high[i]});
            path.add(new double[] {x[i], Double.NaN});
        }
        XYSeries whiskers = chart.addSeries(name, path.stream().mapToDouble(p -> p[0]).toArray(),
                path.stream().mapToDouble(p -> p[1]).toArray());
        whiskers.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        whiskers.setMarker(SeriesMarkers.NONE);
        whiskers.setLineColor(color);
        whiskers.setLineStyle(WHISKER);
        whiskers.setShowInLegend(false);
        return whiskers;
    }

    /**
     * XChart's numeric axis puts ticks at multiples of a step it chooses, the smallest whose labels fit;
     * with a formatter installed it does not check them for duplicates. So a label that can never fit is
     * given to every value between categories: only a step of whole categories is then accepted, and every
     * category gets its own tick as long as the labels fit side by side. The two ends of the axis get
     * different such labels because XChart draws no ticks at all when min and max format alike.
     */
    private String tickLabel(double value) {
        long nearest = Math.round(value);
        if (Math.abs(value - nearest) > 1e-6) {
            return value < categories.size() - 1 ? NEVER_FITS : NEVER_FITS + "M";
        }
        return nearest >= 0 && nearest < categories.size() ? categories.get((int) nearest) : " ";
    }
}
