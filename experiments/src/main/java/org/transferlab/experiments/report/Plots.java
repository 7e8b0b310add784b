package org.transferlab.experiments.report;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.LabelBudget;
import org.transferlab.experiments.run.CurveBuffer;

/**
 * The report's figures, drawn with XChart as PNG (for reading) and SVG (for papers): per pair, the
 * metric against the label budget with each strategy's 95% CI in its own colour, and a heatmap of Δ against
 * each strategy's no-transfer baseline by strategy and budget, blue where that is better in the metric's
 * direction and red where it is worse; per cell, its training and validation loss curves.
 */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Draws the figures of {@code table} into {@code plots/} and returns Markdown that shows them. */
    public static String write(Path runDirectory, ComparisonTable table, String metric) {
        Path plots = runDirectory.resolve("plots");
        StringBuilder markdown = new StringBuilder();
        try {
            Files.createDirectories(plots);
            Map<String, List<ComparisonTable.Line>> byPair = new LinkedHashMap<>();
            table.lines().forEach(line -> byPair.computeIfAbsent(line.pair(), k -> new ArrayList<>()).add(line));
            for (Map.Entry<String, List<ComparisonTable.Line>> pair : byPair.entrySet()) {
                String slug = slug(pair.getKey());
                save(budgetCurve(pair.getKey(), pair.getValue(), metric), plots.resolve("budget-" + slug));
                markdown.append("![").append(metric).append(" against label budget, ").append(pair.getKey())
                        .append("](plots/budget-").append(slug).append(".png)\n");
                HeatMapChart heatmap = gainHeatmap(pair.getKey(), pair.getValue(), metric);
                if (heatmap != null) {
                    save(heatmap, plots.resolve("gain-" + slug));
                    markdown.append("![gain over the no-transfer baseline, ").append(pair.getKey()).append("](plots/gain-")
                            .append(slug).append(".png)\n");
                }
            }
            cellCurves(runDirectory.resolve("curves"));
        } catch (IOException e) {
            throw new TransferLabException(plots + ": cannot write the figures (" + e + ")", e);
        }
        return markdown.toString();
    }

    /**
     * The metric against the label budget, one series per strategy with its 95% CI over seeds; the baselines
     * (target-only, its variants and every no-transfer baseline) black and dashed. Budgets are evenly spaced, smallest first.
     */
    static XYChart budgetCurve(String pair, List<ComparisonTable.Line> lines, String metric) {
        List<String> budgets = budgets(lines);
        XYChart chart = new XYChartBuilder().width(860).height(480).title(pair)
                .xAxisTitle("labels " + unit(lines) + " (one tick per budget, evenly spaced)")
                .yAxisTitle(metric + " (mean, 95% CI; " + better(lines) + " is better)").build();
        CategoryPlot plot = new CategoryPlot(chart, budgets.stream().map(Plots::amount).toList());
        Map<String, List<ComparisonTable.Line>> byStrategy = new LinkedHashMap<>();
        lines.forEach(line -> byStrategy.computeIfAbsent(line.strategy(), k -> new ArrayList<>()).add(line));
        int other = 0;
        for (Map.Entry<String, List<ComparisonTable.Line>> strategy : byStrategy.entrySet()) {
            boolean baseline = strategy.getValue().stream().allMatch(l -> l.comparison() == null);
            plot.add(strategy.getKey(), baseline ? CategoryPlot.Style.baseline() : CategoryPlot.Style.nth(other++),
                    strategy.getValue().stream().map(l -> CategoryPlot.Point.of(budgets.indexOf(l.budgetLabel()), l.value())).toList());
        }
        return plot.chart();
    }

    /**
     * Δ against the baseline by strategy (rows, in the table's order from the top) and budget (columns). The
     * cells show Δ in the metric's units; the colour says whether that is better or worse in the metric's
     * own direction (blue better, red worse, on a scale symmetric about no difference).
     */
    static HeatMapChart gainHeatmap(String pair, List<ComparisonTable.Line> lines, String metric) {
        List<ComparisonTable.Line> compared = lines.stream().filter(l -> l.delta() != null && Double.isFinite(l.delta().mean())).toList();
        if (compared.isEmpty()) {
            return null;
        }
        List<String> x = budgets(compared);
        Set<String> strategies = new LinkedHashSet<>();
        compared.forEach(l -> strategies.add(l.strategy()));
        List<String> y = new ArrayList<>(strategies);
        // XChart draws the first row at the bottom; the table's first strategy reads best at the top.
        Collections.reverse(y);
        List<Number[]> heat = new ArrayList<>();
        double extreme = 0;
        for (ComparisonTable.Line l : compared) {
            heat.add(new Number[] {x.indexOf(l.budgetLabel()), y.indexOf(l.strategy()), l.delta().mean()});
            extreme = Math.max(extreme, Math.abs(l.delta().mean()));
        }
        boolean higherIsBetter = compared.get(0).direction() > 0;
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(170 + 46 * y.size())
                .title(pair + ": Δ " + metric + " vs baseline; blue = better (" + better(compared) + " " + metric + "), red = worse")
                .xAxisTitle("labels " + unit(compared)).build();
        // XChart skips category labels closer together than this hint, on both axes; rows are about 40 px apart.
        chart.getStyler().setXAxisTickMarkSpacingHint(12);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("+0.000;-0.000");
        chart.getStyler().setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 14));
        // The colour bar prints its ends with Double.toString: a round number prints short.
        double scale = roundUp(extreme);
        chart.getStyler().setMin(-scale);
        chart.getStyler().setMax(scale);
        Color worse = new Color(0xB2182B);
        Color better = new Color(0x2166AC);
        chart.getStyler().setRangeColors(higherIsBetter ? new Color[] {worse, Color.WHITE, better} : new Color[] {better, Color.WHITE, worse});
        chart.addSeries("Δ", x, y, heat);
        return chart;
    }

    /** A loss-curve figure next to every cell's curve CSV that does not have an up-to-date one. */
    private static void cellCurves(Path curves) throws IOException {
        if (!Files.isDirectory(curves)) {
            return;
        }
        List<Path> csvs;
        try (Stream<Path> files = Files.list(curves)) {
            csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path csv : csvs) {
            Path png = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".png"));
            if (Files.exists(png) && Files.getLastModifiedTime(png).compareTo(Files.getLastModifiedTime(csv)) >= 0) {
                continue;
            }
            XYChart chart = new XYChartBuilder().width(640).height(400).title(csv.getFileName().toString().replace(".csv", ""))
                    .xAxisTitle("epoch").yAxisTitle("loss").build();
            Map<String, List<double[]>> series = new LinkedHashMap<>();
            for (CurveBuffer.Epoch row : CurveBuffer.read(csv)) {
                series.computeIfAbsent(row.phase() + " train", k -> new ArrayList<>())
                        .add(new double[] {row.epoch(), row.trainLoss()});
                if (!Double.isNaN(row.validationLoss())) {
                    series.computeIfAbsent(row.phase() + " validation", k -> new ArrayList<>())
                            .add(new double[] {row.epoch(), row.validationLoss()});
                }
            }
            if (series.isEmpty()) {
                continue;
            }
            series.forEach((name, points) -> chart.addSeries(name, points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray()));
            BitmapEncoder.saveBitmap(chart, png.toString().replace(".png", ""), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static void save(Chart<?, ?> chart, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, withoutExtension.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    /** The budgets that occur, smallest first, by label ("5/class", "40 total"). */
    private static List<String> budgets(List<ComparisonTable.Line> lines) {
        return lines.stream().map(ComparisonTable.Line::budget).distinct().sorted(Comparator.comparingInt(LabelBudget::amount))
                .map(LabelBudget::label).distinct().toList();
    }

    /** The amount of a budget label: "5" of "5/class". */
    private static String amount(String label) {
        return label.replaceAll("[^0-9].*$", "");
    }

    private static String unit(List<ComparisonTable.Line> lines) {
        return lines.get(0).budget().kind() == LabelBudget.Kind.PER_CLASS ? "per class" : "in total";
    }

    private static String better(List<ComparisonTable.Line> lines) {
        return lines.get(0).direction() > 0 ? "higher" : "lower";
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code value} (and 0.001). */
    static double roundUp(double value) {
        BigDecimal floor = new BigDecimal("0.001");
        if (!(value > floor.doubleValue())) {
            return floor.doubleValue();
        }
        int exponent = (int) Math.floor(Math.log10(value));
        for (int e = exponent; ; e++) {
            for (String mantissa : new String[] {"1", "1.5", "2", "2.5", "3", "4", "5", "6", "8"}) {
                BigDecimal candidate = new BigDecimal(mantissa).scaleByPowerOfTen(e);
                if (candidate.doubleValue() >= value) {
                    return candidate.doubleValue();
                }
            }
        }
    }

    static String slug(String pair) {
        return pair.replace(" → ", "-to-").replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }
}
