package org.transferlab.experiments.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.transferlab.experiments.run.ResultsCsv;

/**
 * The report's figures, drawn with XChart as PNG (for reading) and SVG (for papers): per pair, the
 * metric against the label budget with 95% CI error bars per strategy, and a heatmap of the gain over
 * {@code target-only} by strategy and budget; per cell, its training and validation loss curves.
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
                    markdown.append("![gain over target-only, ").append(pair.getKey()).append("](plots/gain-")
                            .append(slug).append(".png)\n");
                }
            }
            cellCurves(runDirectory.resolve("curves"));
        } catch (IOException e) {
            throw new TransferLabException(plots + ": cannot write the figures (" + e + ")", e);
        }
        return markdown.toString();
    }

    private static XYChart budgetCurve(String pair, List<ComparisonTable.Line> lines, String metric) {
        XYChart chart = new XYChartBuilder().width(720).height(480).title(pair).xAxisTitle("labels (" + unit(lines) + ")")
                .yAxisTitle(metric + " (mean, 95% CI)").build();
        // A log axis suits budgets from 1 to hundreds, but cannot show a budget of 0.
        chart.getStyler().setXAxisLogarithmic(lines.stream().allMatch(l -> budget(l.budget()) > 0));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Map<String, List<ComparisonTable.Line>> byStrategy = new LinkedHashMap<>();
        lines.forEach(line -> byStrategy.computeIfAbsent(line.strategy(), k -> new ArrayList<>()).add(line));
        byStrategy.forEach((strategy, points) -> {
            double[] x = points.stream().mapToDouble(l -> budget(l.budget())).toArray();
            double[] y = points.stream().mapToDouble(l -> l.value().mean()).toArray();
            double[] error = points.stream().mapToDouble(l -> l.value().defined() ? l.value().high() - l.value().mean() : 0).toArray();
            chart.addSeries(strategy, x, y, error);
        });
        return chart;
    }

    private static HeatMapChart gainHeatmap(String pair, List<ComparisonTable.Line> lines, String metric) {
        List<ComparisonTable.Line> compared = lines.stream().filter(l -> l.delta() != null).toList();
        if (compared.isEmpty()) {
            return null;
        }
        Set<String> budgets = new LinkedHashSet<>();
        Set<String> strategies = new LinkedHashSet<>();
        compared.forEach(l -> {
            budgets.add(l.budget());
            strategies.add(l.strategy());
        });
        List<String> x = new ArrayList<>(budgets);
        List<String> y = new ArrayList<>(strategies);
        List<Number[]> heat = new ArrayList<>();
        double extreme = 1e-9;
        for (ComparisonTable.Line l : compared) {
            heat.add(new Number[] {x.indexOf(l.budget()), y.indexOf(l.strategy()), l.delta().mean()});
            extreme = Math.max(extreme, Math.abs(l.delta().mean()));
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(160 + 60 * y.size())
                .title(pair + ": Δ " + metric + " vs target-only").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("+0.000;-0.000");
        chart.getStyler().setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 14));
        chart.getStyler().setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%+.3f", v));
        chart.getStyler().setMin(-extreme);
        chart.getStyler().setMax(extreme);
        chart.getStyler().setRangeColors(new Color[] {new Color(0xB2182B), Color.WHITE, new Color(0x2166AC)});
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
            for (Map<String, String> row : ResultsCsv.read(csv)) {
                double epoch = Double.parseDouble(row.get("epoch"));
                series.computeIfAbsent(row.get("phase") + " train", k -> new ArrayList<>())
                        .add(new double[] {epoch, Double.parseDouble(row.get("train_loss"))});
                double validation = Double.parseDouble(row.get("val_loss"));
                if (!Double.isNaN(validation)) {
                    series.computeIfAbsent(row.get("phase") + " validation", k -> new ArrayList<>()).add(new double[] {epoch, validation});
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

    private static double budget(String label) {
        return Double.parseDouble(label.replaceAll("[^0-9].*$", ""));
    }

    private static String unit(List<ComparisonTable.Line> lines) {
        return lines.get(0).budget().endsWith("/class") ? "per class" : "in total";
    }

    static String slug(String pair) {
        return pair.replace(" → ", "-to-").replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }
}
