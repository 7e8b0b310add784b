package org.transferlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.transferlab.experiments.run.CandidateRecord;
import org.transferlab.experiments.run.StoredResult;

/**
 * How well each way of choosing among a strategy's candidates did, from the candidate records of the cells that had
 * several ({@code candidates.csv}): per pair and budget, for the labelled validation split and for every validator,
 * the mean test score of the candidate it would have kept (its highest score; ties to the earlier candidate), that
 * choice against a fixed default (the first candidate, as a user who does not tune would run it) and against the
 * oracle (the candidate with the best test score, which nothing may choose by and which is here only as the ceiling),
 * and the rank correlation between its scores and the test scores (negated where lower is better) over each cell's
 * candidates, averaged over cells.
 * A choice that is on average worse than the fixed default is marked so.
 */
public final class SelectionTable {
    private SelectionTable() {
    }

    /** One cell's candidates, with the pair and budget it belongs to. */
    private record CellCandidates(String pair, String budget, List<CandidateRecord> candidates) {
    }

    /** The records of a run directory (or a copy of one), by cell; empty when no cell had several candidates. */
    static Map<String, List<CandidateRecord>> read(java.nio.file.Path directory) {
        java.nio.file.Path file = directory.resolve(CandidateRecord.FILE);
        Map<String, List<CandidateRecord>> byCell = new LinkedHashMap<>();
        if (java.nio.file.Files.isRegularFile(file)) {
            CandidateRecord.read(file).forEach(r -> byCell.computeIfAbsent(r.cellId(), k -> new ArrayList<>()).add(r));
        }
        return byCell;
    }

    /**
     * The section's Markdown; empty when no cell had several candidates.
     *
     * @param direction 1 where a higher {@code metric} is better, -1 where lower is
     */
    static String markdown(List<StoredResult> rows, Map<String, List<CandidateRecord>> byCell, String metric, int direction) {
        List<CellCandidates> cells = new ArrayList<>();
        for (StoredResult row : rows) {
            List<CandidateRecord> candidates = byCell.getOrDefault(row.cellId(), List.of());
            if (row.ok() && candidates.size() > 1) {
                cells.add(new CellCandidates(row.source() + " → " + row.target(), row.budget().label(), candidates));
            }
        }
        if (cells.isEmpty()) {
            return "";
        }
        Set<String> measures = new LinkedHashSet<>();
        measures.add(CandidateRecord.VALIDATION);
        cells.forEach(c -> c.candidates().forEach(r -> measures.addAll(r.validators().keySet())));
        StringBuilder out = new StringBuilder("\n## Choosing among candidates\n\nEvery cell with several parameter candidates "
                + "recorded what each way of choosing said about each candidate, and, after the cell had kept one, each "
                + "candidate's test " + metric + " (`candidates.csv`). For each way of choosing: the mean test " + metric
                + " of the candidate it would keep; Δ first: against always keeping the first candidate; Δ oracle: against "
                + "the candidate with the best test score (a ceiling no selection may use); better/worse: cells where its "
                + "choice beat or lost to the first candidate; ρ and τ: Spearman's and Kendall's rank correlation between "
                + "its scores and the test scores over a cell's candidates, averaged over the cells where both vary. "
                + "`target-validation` reads the budget's labelled validation split, so it scores only where the budget has one "
                + "(a cell without one keeps, by default, what a strategy that trains on the source validated on its own held-out "
                + "source examples, or else the first candidate: `selected_by` in `results.csv` says which); the validators "
                + "read no target label. "
                + "\"cells\" counts where it could score (a validator of the source cannot where the source's classes are "
                + "not the target's, or its test examples are the target's)."
                + (direction < 0 ? " Lower " + metric + " is better, so a better choice has a negative Δ." : "") + "\n\n"
                + "| pair | budget | chosen by | cells | mean test | Δ first | Δ oracle | better / worse | ρ | τ |\n"
                + "|---|---|---|---:|---:|---:|---:|---|---:|---:|\n");
        Map<String, List<CellCandidates>> groups = new LinkedHashMap<>();
        cells.forEach(c -> groups.computeIfAbsent(c.pair() + "\u0000" + c.budget(), k -> new ArrayList<>()).add(c));
        for (List<CellCandidates> group : groups.values()) {
            String pair = group.get(0).pair();
            String budget = group.get(0).budget();
            for (String measure : measures) {
                Summary s = summarise(group, measure, direction);
                if (s.cells == 0) {
                    out.append("| ").append(pair).append(" | ").append(budget).append(" | ").append(measure)
                            .append(" | 0 | | | | | | |\n");
                    continue;
                }
                double first = s.chosen - s.firstMean;
                out.append("| ").append(pair).append(" | ").append(budget).append(" | ").append(measure).append(" | ")
                        .append(s.cells).append(" | ").append(fixed(s.chosen)).append(" | ")
                        .append(direction * first < 0 ? "**" + signed(first) + " (worse than the first candidate)**" : signed(first))
                        .append(" | ").append(signed(s.chosen - s.oracle)).append(" | ").append(s.better).append(" / ")
                        .append(s.worse).append(" | ").append(correlation(s.spearman)).append(" | ")
                        .append(correlation(s.kendall)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static final class Summary {
        int cells;
        double chosen;
        double firstMean;
        double oracle;
        int better;
        int worse;
        final List<Double> spearman = new ArrayList<>();
        final List<Double> kendall = new ArrayList<>();
    }

    private static Summary summarise(List<CellCandidates> group, String measure, int direction) {
        Summary s = new Summary();
        for (CellCandidates cell : group) {
            List<CandidateRecord> candidates = cell.candidates();
            double[] scores = candidates.stream().mapToDouble(r -> score(r, measure)).toArray();
            double[] tests = candidates.stream().mapToDouble(CandidateRecord::test).toArray();
            // Higher is better below, whatever the metric; the sums are turned back into the metric's own sign.
            double[] gains = java.util.Arrays.stream(tests).map(t -> direction * t).toArray();
            int pick = -1;
            for (int i = 0; i < scores.length; i++) {
                if (!Double.isNaN(scores[i]) && (pick < 0 || scores[i] > scores[pick])) {
                    pick = i;
                }
            }
            if (pick < 0 || Double.isNaN(tests[pick])) {
                continue;
            }
            s.cells++;
            s.chosen += tests[pick];
            s.firstMean += tests[0];
            s.oracle += direction * java.util.Arrays.stream(gains).filter(t -> !Double.isNaN(t)).max().orElse(Double.NaN);
            s.better += gains[pick] > gains[0] ? 1 : 0;
            s.worse += gains[pick] < gains[0] ? 1 : 0;
            if (java.util.Arrays.stream(scores).noneMatch(Double::isNaN) && java.util.Arrays.stream(gains).noneMatch(Double::isNaN)
                    && varies(scores) && varies(gains)) {
                s.spearman.add(new SpearmansCorrelation().correlation(scores, gains));
                s.kendall.add(new KendallsCorrelation().correlation(scores, gains));
            }
        }
        if (s.cells > 0) {
            s.chosen /= s.cells;
            s.firstMean /= s.cells;
            s.oracle /= s.cells;
        }
        return s;
    }

    private static double score(CandidateRecord record, String measure) {
        return measure.equals(CandidateRecord.VALIDATION) ? record.validation()
                : record.validators().getOrDefault(measure, Double.NaN);
    }

    private static boolean varies(double[] values) {
        return java.util.Arrays.stream(values).distinct().count() > 1;
    }

    private static String correlation(List<Double> values) {
        List<Double> finite = values.stream().filter(v -> !Double.isNaN(v)).toList();
        return finite.isEmpty() ? "" : String.format(Locale.ROOT, "%+.2f", finite.stream().mapToDouble(Double::doubleValue)
                .average().orElseThrow());
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
