package org.transferlab.experiments.reproduce.daume;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.transferlab.experiments.reproduce.Figures;

/** Chelba &amp; Acero's figure: test error against target size for TGTONLY and PRIOR, per regression target. */
final class LittleDataFigure {
    private LittleDataFigure() {
    }

    static String write(List<Map<String, String>> rows, Path folder) {
        XYChart chart = new XYChartBuilder().width(720).height(460).title("Little data can help a lot")
                .xAxisTitle("labelled target rows").yAxisTitle("test RMSE (mean ± sd over seeds)").build();
        Map<String, TreeMap<Integer, List<Double>>> series = new TreeMap<>();
        for (Map<String, String> r : rows) {
            String strategy = r.get("strategy");
            if (strategy.equals("target-only") || strategy.equals("prior")) {
                series.computeIfAbsent(r.get("target") + " " + (strategy.equals("prior") ? "PRIOR" : "TGTONLY"), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.parseInt(r.get("budget")), k -> new ArrayList<>()).add(Double.parseDouble(r.get("rmse")));
            }
        }
        series.forEach((name, bySize) -> {
            double[] x = bySize.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] mean = bySize.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toArray();
            double[] sd = new double[mean.length];
            int i = 0;
            for (List<Double> values : bySize.values()) {
                double m = mean[i];
                sd[i++] = values.size() < 2 ? 0 : Math.sqrt(values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / (values.size() - 1));
            }
            XYSeries s = chart.addSeries(name, x, mean, sd);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        });
        return Figures.save(chart, folder, "little-data", "test RMSE against target rows, TGTONLY and PRIOR");
    }
}
