package org.transferlab.experiments.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.seed.Seeds;
import org.transferlab.experiments.config.NoSource;
import org.transferlab.transfer.engine.InputScaling;
import org.transferlab.transfer.engine.NetworkEvaluation;
import org.transferlab.transfer.engine.NetworkFactory;
import org.transferlab.transfer.engine.SourceModel;
import org.transferlab.transfer.forecast.Forecast;
import org.transferlab.transfer.forecast.ForecastInputs;
import org.transferlab.transfer.forecast.LabelledFeatures;
import org.transferlab.transfer.forecast.TransferabilityScore;

/**
 * A study's transferability forecasts, made before any target model is trained. For each pair with a source, each
 * budget and each seed it takes what that seed's cells would get, the source model (trained, loaded or read as a run
 * does, and kept in the store for the run) and the label budget (the same draw), and computes every
 * {@link TransferabilityScore} on them with the target's test partition sealed. The reference network a score of fit
 * compares with is the study's network freshly initialised, where {@code target-only} starts.
 */
public final class ForecastRunner {
    /** Source and target train examples a domain distance reads, at most. */
    static final int DOMAIN_SAMPLE = 1000;

    private final SourceModelStore store;
    private final Consumer<String> progress;

    /**
     * One score of one pair and budget, over the study's seeds.
     *
     * @param source    the pair's source (a model's name, or several sources joined by {@code +})
     * @param budget    the budget's label, as in results.csv
     * @param higherIsBetter whether a higher value forecasts a more transferable source
     * @param value     the mean score over the seeds where it has one (NaN where it has none)
     * @param reference the mean of what the score was compared with
     * @param helping   the seeds whose forecast is that transfer helps
     * @param seeds     the seeds with a value
     * @param note      the forecast's rule, or why there is no value
     */
    public record Row(String source, String target, String budget, String score, boolean higherIsBetter, double value,
                      double reference, int helping, int seeds, String note) {
        /** The forecast over the seeds: that transfer helps, when it does in more than half of them. */
        public boolean helps() {
            return seeds > 0 && 2 * helping > seeds;
        }

        /** {@code source → target}, as the report writes a pair. */
        public String pair() {
            return source + " → " + target;
        }
    }

    public ForecastRunner(SourceModelStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress;
    }

    /** Every score of every pair with a source, in the grid's order of pairs and budgets. */
    public List<Row> forecast(StudyRunner.Prepared study, Map<String, TransferabilityScore> scores) {
        SourceModels sources = new SourceModels(store, progress);
        BudgetSampler sampler = new BudgetSampler(study.config().budgets().validationFraction());
        String firstStrategy = study.config().strategies().get(0).name();
        Map<List<String>, Map<String, List<Forecast>>> byGroup = new LinkedHashMap<>();
        for (Cell cell : study.grid().cells()) {
            if (!cell.strategy().name().equals(firstStrategy) || cell.source() instanceof NoSource) {
                continue;
            }
            ForecastInputs inputs = SealedTestAccess.sealed("forecast", () -> inputs(cell, study.domains(), sources, sampler));
            Map<String, List<Forecast>> group = byGroup.computeIfAbsent(
                    List.of(cell.source().name(), cell.target().name(), cell.budget().label()), k -> new LinkedHashMap<>());
            scores.forEach((name, score) -> group.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(SealedTestAccess.sealed("score '" + name + "'", () -> score.forecast(inputs))));
        }
        List<Row> rows = new ArrayList<>();
        byGroup.forEach((key, group) -> group.forEach((name, forecasts) ->
                rows.add(row(key.get(0), key.get(1), key.get(2), name, scores.get(name).higherIsBetter(), forecasts))));
        return rows;
    }

    private static Row row(String source, String target, String budget, String score, boolean higherIsBetter,
                           List<Forecast> forecasts) {
        List<Forecast> available = forecasts.stream().filter(Forecast::available).toList();
        if (available.isEmpty()) {
            return new Row(source, target, budget, score, higherIsBetter, Double.NaN, Double.NaN, 0, 0, forecasts.get(0).rule());
        }
        double value = available.stream().mapToDouble(Forecast::value).average().orElseThrow();
        double reference = available.stream().mapToDouble(Forecast::reference).average().orElseThrow();
        int helping = (int) available.stream().filter(Forecast::helps).count();
        return new Row(source, target, budget, score, higherIsBetter, value, reference, helping, available.size(),
                available.get(0).rule());
    }

    private static ForecastInputs inputs(Cell cell, Map<String, Domain> domains, SourceModels sources, BudgetSampler sampler) {
        Domain target = domains.get(CellPipeline.key(cell.target().name(), cell.shares().target()));
        Optional<Domain> source = CellPipeline.sourceDomain(cell, domains);
        SourceModel model = sources.modelOf(cell, source);
        LabelledSplit split = sampler.draw(target, cell.budget(), cell.sampleSeed());
        Examples budget = split.train().concat(split.validation());
        LabelledFeatures transferred = view(model, budget);
        LabelledFeatures reference = budget.size() == 0 ? view(model, budget) : view(reference(cell, target, budget), budget);
        double[][] sourceSample = source.map(d -> rows(model, d.train().randomSubset(DOMAIN_SAMPLE,
                Seeds.derive(cell.sampleSeed(), "forecast-source")))).orElse(new double[0][]);
        double[][] targetSample = rows(model, target.train().withoutLabels().randomSubset(DOMAIN_SAMPLE,
                Seeds.derive(cell.sampleSeed(), "forecast-target")));
        return new ForecastInputs(transferred, reference, sourceSample, targetSample, target.classCount(),
                Seeds.derive(cell.sampleSeed(), "forecast"));
    }

    /** The study's network freshly initialised with the cell's fit seed, its inputs scaled as target-only's are. */
    private static SourceModel reference(Cell cell, Domain target, Examples budget) {
        long seed = Seeds.derive(cell.fitSeed(), "forecast-reference");
        MultiLayerNetwork fresh = NetworkFactory.classifier(cell.network(), target.shape(), target.classCount(),
                cell.network().learningRate(), seed);
        return new SourceModel(fresh, cell.network(), target.classNames(), seed, Map.of(),
                InputScaling.forTraining(target.shape(), budget));
    }

    private static LabelledFeatures view(SourceModel model, Examples budget) {
        if (budget.size() == 0) {
            return new LabelledFeatures(new double[0][], new double[0][], new int[0]);
        }
        double[][] probabilities = model.classNames().isEmpty() ? new double[budget.size()][1]
                : NetworkEvaluation.probabilities(model.copy(), model.inputScaling().apply(budget));
        return new LabelledFeatures(rows(model, budget), probabilities, budget.classes());
    }

    private static double[][] rows(SourceModel model, Examples examples) {
        SourceModel.Embedding embedding = model.embed(examples, model.lastHiddenLayer());
        int width = embedding.width();
        double[][] rows = new double[examples.size()][width];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                rows[i][j] = embedding.values()[i * width + j];
            }
        }
        return rows;
    }
}
