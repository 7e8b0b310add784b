package org.transferlab.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.budget.BudgetSampler;
import org.transferlab.core.budget.LabelledSplit;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.core.loader.LoadContext;
import org.transferlab.core.loader.TrainShare;
import org.transferlab.core.metrics.ClassificationMetrics;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.TransferContext;
import org.transferlab.transfer.network.SourceModel;
import org.transferlab.transfer.network.SourceTrainer;

/**
 * Runs every cell of a study: loads each domain once, draws each cell's label budget, trains or reuses
 * the source model, fits the strategy with the target's test partition sealed, and only then opens the
 * test partition to evaluate what the strategy returned.
 */
public final class StudyRunner {
    private final Path dataDirectory;
    private final Consumer<String> progress;

    /** What a run produced. */
    public record Outcome(List<ResultRow> rows, int sourceModelsTrained, int sourceModelsReused,
                          Map<String, Map<String, String>> domainProvenance) {
    }

    public StudyRunner(Path dataDirectory, Consumer<String> progress) {
        this.dataDirectory = dataDirectory;
        this.progress = progress;
    }

    /** Loads every domain the study uses, with the shares its pairs need; fails before any training. */
    public Map<String, Domain> loadDomains(ExperimentConfig config) {
        Map<String, Domain> domains = new LinkedHashMap<>();
        for (Cell cell : Grid.expand(config)) {
            domains.computeIfAbsent(key(cell.source(), cell.shares().source()),
                    k -> load(cell.source(), cell.shares().source()));
            domains.computeIfAbsent(key(cell.target(), cell.shares().target()),
                    k -> load(cell.target(), cell.shares().target()));
        }
        return domains;
    }

    /** Draws every cell's budget once, so a budget larger than the data fails before any training. */
    public void checkBudgets(ExperimentConfig config, Map<String, Domain> domains) {
        BudgetSampler sampler = new BudgetSampler(config.budgets().validationFraction());
        for (Cell cell : Grid.expand(config)) {
            if (cell.seedIndex() == 0) {
                sampler.draw(domains.get(key(cell.target(), cell.shares().target())), cell.budget(), cell.sampleSeed());
            }
        }
    }

    public Outcome run(ExperimentConfig config, CurveSink curves) {
        Map<String, Domain> domains = loadDomains(config);
        checkBudgets(config, domains);
        BudgetSampler sampler = new BudgetSampler(config.budgets().validationFraction());
        SourceModelCache sources = new SourceModelCache();
        List<Cell> cells = Grid.expand(config);
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Domain source = domains.get(key(cell.source(), cell.shares().source()));
            Domain target = domains.get(key(cell.target(), cell.shares().target()));
            ResultRow row = runCell(cell, source, target, sampler, sources, curves);
            rows.add(row);
            progress.accept(String.format("[%d/%d] %s: accuracy %.4f (fit %.1f s%s)", i + 1, cells.size(),
                    cell.describe(), row.metric(ClassificationMetrics.ACCURACY), row.fitSeconds(),
                    row.sourceTrained() ? String.format(", source model trained in %.1f s", row.sourceSeconds()) : ""));
        }
        Map<String, Map<String, String>> provenance = new LinkedHashMap<>();
        domains.forEach((k, d) -> provenance.put(k, d.provenance()));
        return new Outcome(rows, sources.trained(), sources.reused(), provenance);
    }

    private ResultRow runCell(Cell cell, Domain source, Domain target, BudgetSampler sampler,
                              SourceModelCache sources, CurveSink curves) {
        LabelledSplit budget = sampler.draw(target, cell.budget(), cell.sampleSeed());
        Map<String, SourceModelCache.Lookup> lookup = new HashMap<>();
        TransferContext context = new TransferContext(target.name(), target.task(), target.classNames(), target.shape(),
                budget, cell.network(), () -> lookup.computeIfAbsent("source", k -> sources.get(cell.sourceSeed(),
                        () -> trainSource(source, cell, curves))).model(),
                cell.fitSeed(), curves.open(cell.id()));
        long start = System.nanoTime();
        Fitted fitted;
        try {
            fitted = SealedTestAccess.sealed("strategy '" + cell.strategy().name() + "'", () -> cell.strategy().fit(context));
        } catch (TransferLabException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cell " + cell.describe() + " failed: " + e.getMessage(), e);
        }
        SourceModelCache.Lookup used = lookup.get("source");
        double sourceSeconds = used == null ? 0 : used.seconds();
        double fitSeconds = (System.nanoTime() - start) / 1e9 - sourceSeconds;

        long evalStart = System.nanoTime();
        Examples test = target.test().open();
        int[] predicted = fitted.predictor().predictClasses(test);
        Map<String, Double> metrics = ClassificationMetrics.score(test.classes(), predicted, target.classNames());
        double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
        return new ResultRow(cell, budget.train().size(), budget.validation().size(), test.size(), metrics,
                fitted.summary().bestEpoch(), fitted.summary().epochsRun(), fitted.summary().trainLoss(),
                fitted.summary().validationLoss(), fitted.summary().validationAccuracy(),
                used == null ? Map.of() : used.model().metrics(), used != null && used.trained(), sourceSeconds,
                fitSeconds, evalSeconds);
    }

    private SourceModel trainSource(Domain source, Cell cell, CurveSink curves) {
        progress.accept("training the source model on " + source.name() + " (" + source.train().size()
                + " examples, " + cell.network().type().name().toLowerCase() + ", " + cell.network().epochs()
                + " epochs, seed " + cell.seedIndex() + ")");
        return SourceTrainer.train(source, cell.network(), cell.sourceSeed(),
                curves.open("source-" + Long.toHexString(cell.sourceSeed())));
    }

    private Domain load(DomainEntry entry, TrainShare share) {
        progress.accept("loading domain " + entry.name() + (share == TrainShare.ALL ? "" : " (" + share.name().toLowerCase().replace('_', ' ') + ")"));
        return entry.load(new LoadContext(dataDirectory, share));
    }

    private static String key(DomainEntry entry, TrainShare share) {
        return entry.name() + "@" + share.name().toLowerCase().replace('_', '-');
    }
}
