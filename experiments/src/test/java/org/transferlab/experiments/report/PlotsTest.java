package org.transferlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.ChartProbe;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.run.ResultFixtures;
import org.transferlab.experiments.run.StoredResult;

/**
 * Renders the study figures from small hand-made results and checks what a reader would: every row and
 * budget labelled, better cells blue in the metric's own direction, a colour bar with short labels, the
 * legend off the data, intervals in their series' colour and side by side.
 */
class PlotsTest {
    /** Seven strategies, as many as the Auto MPG study compares: enough rows that XChart used to drop labels. */
    private static final List<String> STRATEGIES = List.of("source-only", "pooled", "weighted", "pred", "linint", "prior", "augment");
    private static final double[] NOISE = {-1.0, 0.4, 1.1, -0.6, 0.1};

    @TempDir
    Path dir;

    /**
     * RMSE on a target whose error falls with the budget: prior is 1.5 lower than target-only everywhere
     * (better), source-only 1.0 higher (worse), the others 0.1 apart; seeds spread by ±1 so intervals are wide.
     */
    private static ComparisonTable rmseTable(int... budgets) {
        List<StoredResult> rows = new ArrayList<>();
        for (int budget : budgets) {
            double targetOnly = 3 + 6.0 / (budget + 1);
            for (int seed = 0; seed < NOISE.length; seed++) {
                rows.add(row(budget, "total", "target-only", seed, "rmse", targetOnly + NOISE[seed]));
                for (int s = 0; s < STRATEGIES.size(); s++) {
                    String strategy = STRATEGIES.get(s);
                    double shift = strategy.equals("prior") ? -1.5 : strategy.equals("source-only") ? 1.0 : 0.1 * (s - 3);
                    rows.add(row(budget, "total", strategy, seed, "rmse", targetOnly + shift + NOISE[seed] + 0.01 * seed * s));
                }
            }
        }
        return ComparisonTable.of(rows, "rmse");
    }

    private static StoredResult row(int budget, String kind, String strategy, int seed, String metric, double value) {
        return ResultFixtures.result().pair("usa", "europe").strategy(strategy)
                .budget(kind.equals("total") ? LabelBudget.total(budget) : LabelBudget.perClass(budget)).seed(seed)
                .metric(metric, value).build();
    }

    @Test
    void theGainHeatmapLabelsEveryStrategyAndEveryBudget() {
        HeatMapChart chart = Plots.gainHeatmap("usa → europe", rmseTable(5, 10, 20, 40).lines(), "rmse");
        BitmapEncoder.getBufferedImage(chart);
        assertEquals(Set.copyOf(STRATEGIES), ChartProbe.yTicks(chart).keySet(), "every strategy row has its label");
        assertEquals(List.of("5 total", "10 total", "20 total", "40 total"), List.copyOf(ChartProbe.xTicks(chart).keySet()));
    }

    @Test
    void forAnErrorMetricALowerValueThanTargetOnlyIsBlueAndAHigherOneRed() {
        HeatMapChart chart = Plots.gainHeatmap("usa → europe", rmseTable(5, 10, 20, 40).lines(), "rmse");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Color prior = cell(chart, image, "prior", "5 total");
        Color sourceOnly = cell(chart, image, "source-only", "5 total");
        assertTrue(prior.getBlue() > prior.getRed() + 60, "prior's RMSE is 1.5 lower than target-only's: a better cell, " + prior);
        assertTrue(sourceOnly.getRed() > sourceOnly.getBlue() + 60, "source-only's RMSE is 1.0 higher: a worse cell, " + sourceOnly);
    }

    @Test
    void theGainHeatmapSaysWhichColourIsBetter() {
        HeatMapChart chart = Plots.gainHeatmap("usa → europe", rmseTable(5, 10).lines(), "rmse");
        assertTrue(chart.getTitle().contains("blue") && chart.getTitle().contains("lower rmse"),
                "the title says which way is better: " + chart.getTitle());
    }

    @Test
    void forAScoreAHigherValueThanTargetOnlyIsBlue() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < NOISE.length; seed++) {
            for (int budget : new int[] {1, 5}) {
                rows.add(row(budget, "class", "target-only", seed, "accuracy", 0.6 + 0.02 * NOISE[seed]));
                rows.add(row(budget, "class", "fine-tuning", seed, "accuracy", 0.7 + 0.02 * NOISE[seed] + 0.001 * seed));
                rows.add(row(budget, "class", "feature-extraction", seed, "accuracy", 0.5 + 0.02 * NOISE[seed] - 0.001 * seed));
            }
        }
        HeatMapChart chart = Plots.gainHeatmap("a → b", ComparisonTable.of(rows, "accuracy").lines(), "accuracy");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Color better = cell(chart, image, "fine-tuning", "1/class");
        Color worse = cell(chart, image, "feature-extraction", "1/class");
        assertTrue(better.getBlue() > better.getRed() + 60, "higher accuracy is better: " + better);
        assertTrue(worse.getRed() > worse.getBlue() + 60, "lower accuracy is worse: " + worse);
    }

    @Test
    void theColourBarIsSymmetricAndLabelledWithShortNumbers() {
        List<ComparisonTable.Line> lines = rmseTable(5, 10, 20, 40).lines();
        HeatMapChart chart = Plots.gainHeatmap("usa → europe", lines, "rmse");
        BitmapEncoder.getBufferedImage(chart);
        // XChart's gradient legend prints its two ends as "" + min and "" + max of the series.
        double min = chart.getHeatMapSeries().getMin();
        double max = chart.getHeatMapSeries().getMax();
        assertEquals(-max, min, 0.0, "a symmetric scale: white is no difference");
        double largest = lines.stream().filter(l -> l.delta() != null).mapToDouble(l -> Math.abs(l.delta().mean())).max().orElseThrow();
        assertTrue(max >= largest, max + " must cover the largest difference " + largest);
        assertTrue(String.valueOf(max).length() <= 5 && String.valueOf(min).length() <= 6,
                "colour bar labels " + min + " and " + max + " are short round numbers");
    }

    @Test
    void theColourScaleEndsOnARoundNumber() {
        assertEquals("4.0", String.valueOf(Plots.roundUp(3.6455712330281576)));
        assertEquals("0.05", String.valueOf(Plots.roundUp(0.0437)));
        assertEquals("0.15", String.valueOf(Plots.roundUp(0.1021)));
        assertEquals("30.0", String.valueOf(Plots.roundUp(25.1)));
        assertEquals("2.0", String.valueOf(Plots.roundUp(2.0)));
        assertEquals("0.001", String.valueOf(Plots.roundUp(0)), "no difference at all still gets a scale");
    }

    @Test
    void theBudgetCurveLabelsATickAtEveryBudget() {
        XYChart chart = Plots.budgetCurve("usa → europe", rmseTable(5, 10, 20, 40).lines(), "rmse");
        BitmapEncoder.getBufferedImage(chart);
        assertEquals(List.of("5", "10", "20", "40"), List.copyOf(ChartProbe.xTicks(chart).keySet()));
    }

    @Test
    void aBudgetOfZeroGetsItsTickToo() {
        List<StoredResult> rows = new ArrayList<>();
        for (int seed = 0; seed < NOISE.length; seed++) {
            for (int budget : new int[] {0, 1, 5, 20}) {
                rows.add(row(budget, "class", "target-only", seed, "accuracy", 0.3 + 0.02 * budget + 0.01 * NOISE[seed]));
                rows.add(row(budget, "class", "coral", seed, "accuracy", 0.35 + 0.02 * budget + 0.01 * NOISE[seed] + 0.001 * seed));
            }
        }
        XYChart chart = Plots.budgetCurve("a → b", ComparisonTable.of(rows, "accuracy").lines(), "accuracy");
        BitmapEncoder.getBufferedImage(chart);
        assertEquals(List.of("0", "1", "5", "20"), List.copyOf(ChartProbe.xTicks(chart).keySet()));
    }

    @Test
    void theBudgetCurveKeepsItsLegendOffTheData() {
        XYChart chart = Plots.budgetCurve("usa → europe", rmseTable(5, 10, 20, 40).lines(), "rmse");
        BitmapEncoder.getBufferedImage(chart);
        Rectangle2D legend = ChartProbe.legendBounds(chart);
        Rectangle2D plot = ChartProbe.plotBounds(chart);
        assertFalse(legend.intersects(plot), "legend " + legend + " overlaps the plot " + plot);
    }

    @Test
    void theBudgetCurvesYAxisSaysWhichWayIsBetter() {
        XYChart chart = Plots.budgetCurve("usa → europe", rmseTable(5, 10).lines(), "rmse");
        assertTrue(chart.getYAxisTitle().contains("lower is better"), chart.getYAxisTitle());
    }

    @Test
    void atOneBudgetTheStrategiesStandSideBySide() {
        XYChart chart = Plots.budgetCurve("usa → europe", rmseTable(5, 10, 20, 40).lines(), "rmse");
        BitmapEncoder.getBufferedImage(chart);
        Set<Long> positions = new LinkedHashSet<>();
        for (String strategy : List.of("target-only", "prior", "source-only", "pooled")) {
            XYSeries series = chart.getSeries(strategy);
            positions.add(Math.round(chart.getScreenXFromChart(series.getXData()[0]) / 3));
        }
        assertEquals(4, positions.size(), "at one budget the strategies' intervals stand at different x: " + positions);
    }

    @Test
    void intervalsAreDrawnInTheirSeriesColour() {
        List<ComparisonTable.Line> lines = rmseTable(5, 10, 20, 40).lines();
        XYChart chart = Plots.budgetCurve("usa → europe", lines, "rmse");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ComparisonTable.Line prior = lines.stream().filter(l -> l.strategy().equals("prior") && l.budgetLabel().equals("5 total"))
                .findFirst().orElseThrow();
        XYSeries series = chart.getSeries("prior");
        int x = (int) Math.round(chart.getScreenXFromChart(series.getXData()[0]));
        Color colour = series.getLineColor();
        // Above the marker, between the mean and the interval's upper end, only the interval is drawn.
        for (double part : new double[] {0.6, 0.8}) {
            int y = (int) Math.round(chart.getScreenYFromChart(prior.value().mean() + part * (prior.value().high() - prior.value().mean())));
            assertTrue(Pixels.drawnBetween(image, x - 2, x + 2, y, colour), "the interval of prior at (" + x + ", " + y + ") is drawn in prior's colour " + colour);
        }
    }

    @Test
    void writesEachPairsFiguresAsPngAndSvg() throws Exception {
        String markdown = Plots.write(dir, rmseTable(5, 10), "rmse");
        for (String name : List.of("budget-usa-to-europe", "gain-usa-to-europe")) {
            assertTrue(Files.size(dir.resolve("plots/" + name + ".png")) > 0, name);
            assertTrue(Files.readString(dir.resolve("plots/" + name + ".svg")).startsWith("<?xml"), name);
            assertTrue(markdown.contains("plots/" + name + ".png"), markdown);
        }
    }

    /**
     * The colour of a heatmap cell, sampled left of its centre where the value's text is not. Found from the
     * series' category order, not from the tick labels, so that a missing label does not hide a wrong colour.
     */
    private static Color cell(HeatMapChart chart, BufferedImage image, String strategy, String budget) {
        Rectangle2D plot = ChartProbe.plotBounds(chart);
        double content = chart.getStyler().getPlotContentSize();
        List<?> columns = chart.getHeatMapSeries().getXData();
        List<?> rows = chart.getHeatMapSeries().getYData();
        double width = plot.getWidth() * content / columns.size();
        double height = plot.getHeight() * content / rows.size();
        double left = plot.getX() + plot.getWidth() * (1 - content) / 2;
        double bottom = plot.getMaxY() - plot.getHeight() * (1 - content) / 2;
        // XChart puts the first row at the bottom.
        double x = left + (columns.indexOf(budget) + 0.1) * width;
        double y = bottom - (rows.indexOf(strategy) + 0.5) * height;
        return new Color(image.getRGB((int) Math.round(x), (int) Math.round(y)));
    }
}
