package org.transferlab.experiments.reproduce.daume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.transferlab.experiments.report.CategoryPlot;
import org.transferlab.experiments.report.Interval;
import org.transferlab.experiments.reproduce.Figures;
import org.transferlab.experiments.run.StoredResult;

/**
 * Chelba &amp; Acero's figure: test RMSE against target size for TGTONLY and PRIOR, per regression target, the
 * mean over seeds with its 95% Student-t interval. One colour per target; PRIOR solid, TGTONLY dashed.
 */
final class LittleDataFigure {
    private LittleDataFigure() {
    }

    static String write(List<StoredResult> rows, Path folder) {
        return Figures.save(chart(rows), folder, "little-data", "test RMSE against target rows, TGTONLY and PRIOR, 95% CI over seeds");
    }

    static XYChart chart(List<StoredResult> rows) {
        // target -> strategy -> size -> RMSE per seed
        Map<String, Map<String, TreeMap<Integer, List<Double>>>> byTarget = new TreeMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (StoredResult r : rows) {
            String strategy = r.strategy();
            if (strategy.equals("target-only") || strategy.equals("prior")) {
                int size = r.budget().amount();
                sizes.add(size);
                byTarget.computeIfAbsent(r.target(), k -> new TreeMap<>())
                        .computeIfAbsent(strategy.equals("prior") ? "PRIOR" : "TGTONLY", k -> new TreeMap<>())
                        .computeIfAbsent(size, k -> new ArrayList<>()).add(r.metric("rmse"));
            }
        }
        XYChart chart = new XYChartBuilder().width(800).height(460).title("Little data can help a lot")
                .xAxisTitle("labelled target rows (one tick per size, evenly spaced)")
                .yAxisTitle("test RMSE (mean, 95% CI over seeds; lower is better)").build();
        List<Integer> columns = List.copyOf(sizes);
        CategoryPlot plot = new CategoryPlot(chart, columns.stream().map(String::valueOf).toList());
        int target = 0;
        for (Map.Entry<String, Map<String, TreeMap<Integer, List<Double>>>> t : byTarget.entrySet()) {
            CategoryPlot.Style colour = CategoryPlot.Style.nth(target++);
            for (Map.Entry<String, TreeMap<Integer, List<Double>>> s : t.getValue().entrySet()) {
                boolean prior = s.getKey().equals("PRIOR");
                CategoryPlot.Style style = new CategoryPlot.Style(colour.color(), prior ? SeriesMarkers.CIRCLE : SeriesMarkers.SQUARE,
                        prior ? colour.line() : SeriesLines.DASH_DASH);
                plot.add(t.getKey() + " " + s.getKey(), style, s.getValue().entrySet().stream()
                        .map(e -> CategoryPlot.Point.of(columns.indexOf(e.getKey()), Interval.of(e.getValue()))).toList());
            }
        }
        return plot.chart();
    }
}
