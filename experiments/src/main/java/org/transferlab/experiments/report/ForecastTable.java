package org.transferlab.experiments.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.transferlab.core.TransferLabException;
import org.transferlab.experiments.run.CsvRows;
import org.transferlab.experiments.run.ForecastRunner;
import org.transferlab.experiments.run.StoredResult;

/**
 * The forecasts a run made before training ({@code forecast: true}), kept in {@code forecasts.csv}, set against what
 * the run then measured: for each pair and budget, the observed gain is the mean of the best transfer strategy (picked
 * with hindsight, by its mean over seeds) minus the mean of its no-transfer baseline, and a forecast is right when it
 * said "helps" and that gain is positive, or said "does not help" and it is not. Per score: how often it was right, and
 * the rank correlation (Spearman, Kendall) between its value (negated for a distance, so that higher always forecasts
 * more gain) and the observed gain, over the pairs and budgets with both.
 */
public final class ForecastTable {
    public static final String FILE = "forecasts.csv";
    private static final List<String> COLUMNS = List.of("source", "target", "budget", "score", "higher_is_better", "value",
            "reference", "helping_seeds", "seeds", "forecast", "note");

    private ForecastTable() {
    }

    /** The forecasts as {@value #FILE}. */
    public static String csv(List<ForecastRunner.Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (ForecastRunner.Row row : rows) {
                printer.printRecord(row.source(), row.target(), row.budget(), row.score(), row.higherIsBetter(),
                        number(row.value()), number(row.reference()), row.helping(), row.seeds(),
                        row.seeds() == 0 ? "" : row.helps() ? "helps" : "does not help", row.note());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The forecasts a run directory (or a copy of one) holds; empty when it made none. */
    public static List<ForecastRunner.Row> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ForecastRunner.Row> rows = new ArrayList<>();
        int line = 1;
        for (Map<String, String> r : CsvRows.read(file)) {
            line++;
            try {
                rows.add(new ForecastRunner.Row(r.get("source"), r.get("target"), r.get("budget"), r.get("score"),
                        Boolean.parseBoolean(r.get("higher_is_better")), parse(r.get("value")), parse(r.get("reference")),
                        Integer.parseInt(r.get("helping_seeds")), Integer.parseInt(r.get("seeds")), r.get("note")));
            } catch (RuntimeException e) {
                throw new TransferLabException(file + ":" + line + ": not a forecast row (" + e.getMessage() + ")", e);
            }
        }
        return rows;
    }

    /** The section's Markdown; empty when there are no forecasts. */
    static String markdown(List<ForecastRunner.Row> forecasts, List<StoredResult> scored, String metric, int direction,
                           Baselines baselines) {
        if (forecasts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n## Forecasts against what happened\n\nComputed before any target model was "
                + "trained (`forecast: true`; `./transferlab forecast` prints the same). Observed Δ: the best transfer "
                + "strategy's mean " + metric + " minus its no-transfer baseline's, at the same pair and budget; the best is "
                + "picked with hindsight. A forecast is right when it said \"helps\" and Δ "
                + (direction < 0 ? "< 0 (lower is better)" : "> 0") + ", or said \"does not help\" and it is not.\n\n"
                + "| pair | budget | best transfer strategy | observed Δ | score | value | forecast | right |\n"
                + "|---|---|---|---:|---|---:|---|---|\n");
        Map<String, List<double[]>> pointsByScore = new LinkedHashMap<>();
        Map<String, int[]> rightByScore = new LinkedHashMap<>();
        for (ForecastRunner.Row forecast : forecasts) {
            Observed observed = observed(scored, forecast, metric, direction, baselines);
            pointsByScore.computeIfAbsent(forecast.score(), k -> new ArrayList<>());
            int[] right = rightByScore.computeIfAbsent(forecast.score(), k -> new int[2]);
            out.append("| ").append(forecast.pair()).append(" | ").append(forecast.budget()).append(" | ")
                    .append(observed == null ? "—" : observed.strategy()).append(" | ")
                    .append(observed == null ? "" : signed(observed.delta())).append(" | ").append(forecast.score()).append(" | ")
                    .append(forecast.seeds() == 0 ? "" : format(forecast.value())).append(" | ")
                    .append(forecast.seeds() == 0 ? "n/a" : forecast.helps() ? "helps" : "does not help").append(" | ");
            if (observed == null || forecast.seeds() == 0) {
                out.append("n/a |\n");
                continue;
            }
            boolean gained = direction * observed.delta() > 0;
            boolean isRight = forecast.helps() == gained;
            right[0] += isRight ? 1 : 0;
            right[1]++;
            out.append(isRight ? "yes" : "**no**").append(" |\n");
            pointsByScore.get(forecast.score()).add(new double[] {forecast.higherIsBetter() ? forecast.value() : -forecast.value(),
                    direction * observed.delta()});
        }
        out.append("\nPer score, over the pairs and budgets with both a forecast and an observed Δ. The rank correlations are "
                + "between the score (negated for a distance, so that higher always forecasts more gain) and the gain; "
                + "with fewer than 3 points there is none.\n\n| score | right | Spearman ρ | Kendall τ |\n|---|---:|---:|---:|\n");
        rightByScore.forEach((score, right) -> {
            List<double[]> points = pointsByScore.get(score);
            out.append("| ").append(score).append(" | ").append(right[0]).append(" of ").append(right[1]).append(" | ")
                    .append(correlation(points, true)).append(" | ").append(correlation(points, false)).append(" |\n");
        });
        return out.toString();
    }

    /** The best transfer strategy of a pair and budget and its mean gain over its baseline, or null without both. */
    private record Observed(String strategy, double delta) {
    }

    private static Observed observed(List<StoredResult> scored, ForecastRunner.Row forecast, String metric, int direction,
                                     Baselines baselines) {
        List<StoredResult> cell = scored.stream().filter(r -> r.source().equals(forecast.source())
                && r.target().equals(forecast.target()) && r.budget().label().equals(forecast.budget())).toList();
        Map<String, Double> means = cell.stream().collect(Collectors.groupingBy(StoredResult::strategy, LinkedHashMap::new,
                Collectors.averagingDouble(r -> r.metric(metric))));
        Set<String> present = means.keySet();
        Observed best = null;
        for (Map.Entry<String, Double> entry : means.entrySet()) {
            if (baselines.isBaseline(entry.getKey()) || Double.isNaN(entry.getValue())) {
                continue;
            }
            String baseline = baselines.baselineOf(entry.getKey(), present);
            Double base = baseline == null ? null : means.get(baseline);
            if (base == null || Double.isNaN(base)) {
                continue;
            }
            double delta = entry.getValue() - base;
            if (best == null || direction * delta > direction * best.delta()) {
                best = new Observed(entry.getKey(), delta);
            }
        }
        return best;
    }

    private static String correlation(List<double[]> points, boolean spearman) {
        if (points.size() < 3) {
            return "";
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        double r = spearman ? new SpearmansCorrelation().correlation(x, y) : new KendallsCorrelation().correlation(x, y);
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%+.2f", r);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static double parse(String text) {
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
