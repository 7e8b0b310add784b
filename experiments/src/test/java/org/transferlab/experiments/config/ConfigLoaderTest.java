package org.transferlab.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.autompg.AutoMpgLoader;
import org.transferlab.core.loader.autompg.Origin;
import org.transferlab.core.loader.diabetes.DiabetesLoader;
import org.transferlab.core.loader.fashion.FashionMnistLoader;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.engine.NetworkSpec;
import org.transferlab.transfer.network.FineTuning;

class ConfigLoaderTest {
    static final String VALID = """
            name: tiny
            seeds: 2
            domains:
              src:
                loader: synthetic
                classes: 3
              tgt:
                loader: synthetic
                classes: 3
                shift: 0.5
            pairs:
              - {source: src, target: tgt}
            network:
              type: mlp
              hidden: [8]
              epochs: 1
            strategies:
              target-only: {}
              fine-tuning:
                learning-rate: 0.001
            budgets:
              per-class: [5, 10]
            """;

    private final ConfigLoader loader = new ConfigLoader(Plugins.discover());

    private ConfigException error(String text) {
        return assertThrows(ConfigException.class, () -> loader.parse("study.yaml", text));
    }

    @Test
    void theRegressionDataLoadersBindTheirParametersInAnyCase() {
        ExperimentConfig config = loader.parse("study.yaml", VALID.replace("pairs:", """
                  usa: {loader: auto-mpg, origin: usa}
                  japan: {loader: auto-mpg, origin: Japan, missing: impute, split-seed: 3}
                  women: {loader: diabetes, sex: 2}
                pairs:"""));
        assertEquals(new AutoMpgLoader.Parameters(Origin.USA, AutoMpgLoader.Missing.DROP, 0.3, 0),
                config.domains().get("usa").parameters());
        assertEquals(new AutoMpgLoader.Parameters(Origin.JAPAN, AutoMpgLoader.Missing.IMPUTE, 0.3, 3),
                config.domains().get("japan").parameters());
        assertEquals(new DiabetesLoader.Parameters(2, 0.3, 0), config.domains().get("women").parameters());
        assertEquals(TaskType.REGRESSION, config.domains().get("women").task());
        ConfigException e = error(VALID.replace("pairs:", "  cars: {loader: auto-mpg, origin: mars}\npairs:"));
        assertEquals("study.yaml:11: key 'domains.cars.origin' must be one of usa, europe, japan, got 'mars'", e.getMessage());
        e = error(VALID.replace("pairs:", "  patients: {loader: diabetes, sex: 3}\npairs:"));
        assertEquals("study.yaml:11: 'domains.patients': sex must be 1 or 2 (the data's two sex codes), got 3", e.getMessage());
    }

    /** A regression study of two domains of one loader, given as YAML flow mappings on lines 4 and 5. */
    private static String regressionPair(String source, String target) {
        return """
                name: split
                seeds: 1
                domains:
                  a: %s
                  b: %s
                pairs:
                  - {source: a, target: b}
                network: {hidden: [4], epochs: 1}
                strategies: {target-only: {}}
                budgets: {total: [5]}
                """.formatted(source, target);
    }

    @Test
    void aPairWhoseDomainsWouldSplitOneFileDifferentlyIsRefusedNamingBothAndTheKey() {
        ConfigException e = error(regressionPair("{loader: auto-mpg, origin: usa}", "{loader: auto-mpg, origin: usa, split-seed: 1}"));
        assertEquals("study.yaml:7: 'pairs[0]': domains 'a' (source, line 4) and 'b' (target, line 5) both read "
                + "auto-mpg/cars.json, which is split into train and test once for all its domains, but key 'split-seed' is 0 "
                + "for 'a' and 1 for 'b'; give both the same split-seed (with two splits, the source's train rows could "
                + "include the target's test rows)", e.getMessage());
        e = error(regressionPair("{loader: diabetes, sex: 1, test-fraction: 0.25}", "{loader: diabetes, sex: 2}"));
        assertTrue(e.getMessage().contains("both read diabetes/diabetes_data_raw.csv.gz, which is split into train and test "
                + "once for all its domains, but key 'test-fraction' is 0.25 for 'a' and 0.3 for 'b'"), e.getMessage());
        e = error(regressionPair("{loader: csv, file: cars.csv, target: mpg, task: regression}",
                "{loader: csv, file: ./cars.csv, target: mpg, task: regression, filter: origin = Japan, split-seed: 2}"));
        assertTrue(e.getMessage().contains("both read cars.csv, which is split into train and test once for all its domains, "
                + "but key 'split-seed' is 0 for 'a' and 2 for 'b'"), e.getMessage());
        loader.parse("study.yaml", regressionPair("{loader: auto-mpg, origin: usa, missing: impute}", "{loader: auto-mpg, origin: usa}"));
        loader.parse("study.yaml", regressionPair("{loader: csv, file: cars.csv, target: mpg, task: regression}",
                "{loader: csv, file: other.csv, target: mpg, task: regression, split-seed: 2}"));
    }

    @Test
    void aValidConfigBindsEveryValueAndDefault() {
        ExperimentConfig config = loader.parse("study.yaml", VALID);
        assertEquals("tiny", config.settings().name());
        assertEquals(2, config.settings().seeds());
        assertEquals(List.of("src", "tgt"), List.copyOf(config.domains().keySet()));
        assertEquals(NetworkSpec.Type.MLP, config.network().type());
        assertEquals(64, config.network().batchSize(), "default");
        FineTuning.Parameters fineTuning = (FineTuning.Parameters) config.strategies().get(1).candidates().get(0);
        assertEquals(0.001, fineTuning.learningRate());
        assertEquals(100, fineTuning.maxEpochs(), "default");
        assertEquals(2 * 2 * 2, config.cellCount());
    }

    @Test
    void aListOfValuesForAStrategyParameterMakesCandidates() {
        ExperimentConfig config = loader.parse("study.yaml", VALID.replace("learning-rate: 0.001",
                "learning-rate: [0.0001, 0.001]\n    patience: [3, 5]"));
        List<Record> candidates = config.strategies().get(1).candidates();
        assertEquals(4, candidates.size(), "every combination");
        assertEquals(new FineTuning.Parameters(0.0001, 100, 3, 32, 0), candidates.get(0));
        assertEquals(new FineTuning.Parameters(0.001, 100, 5, 32, 0), candidates.get(3));
        assertEquals(2 * 2 * 2, config.cellCount(), "candidates are searched inside a cell, not added as cells");
    }

    @Test
    void candidatesAreOnlyForStrategyParametersAndMustBeValid() {
        ConfigException e = error(VALID.replace("epochs: 1", "epochs: [1, 2]"));
        assertEquals("study.yaml:16: key 'network.epochs' must be an integer, got a list", e.getMessage());
        e = error(VALID.replace("learning-rate: 0.001", "learning-rate: []"));
        assertEquals("study.yaml:20: key 'strategies.fine-tuning.learning-rate' lists no candidates; give a value or a non-empty list",
                e.getMessage());
        e = error(VALID.replace("learning-rate: 0.001", "learning-rate: [0.001, 7]"));
        assertEquals("study.yaml:20: 'strategies.fine-tuning': learning-rate must be in (0, 1), got 7.0", e.getMessage());
    }

    @Test
    void aStrategyVariantIsItsOwnGridRowWithItsOwnParameters() {
        ExperimentConfig config = loader.parse("study.yaml", VALID.replace("  target-only: {}",
                "  target-only: {}\n  fine-tuning@top1: {top-layers: 1}"));
        assertEquals(List.of("target-only", "fine-tuning@top1", "fine-tuning"),
                config.strategies().stream().map(StrategyEntry::name).toList());
        assertEquals(1, ((FineTuning.Parameters) config.strategies().get(1).candidates().get(0)).topLayers());
        ConfigException e = error(VALID.replace("  target-only: {}", "  target-only: {}\n  fine-tuning@Top 1: {}"));
        assertTrue(e.getMessage().contains("a variant is named STRATEGY@LABEL"), e.getMessage());
        e = error(VALID.replace("  target-only: {}", "  target-only: {}\n  fine-tunin@top1: {}"));
        assertTrue(e.getMessage().contains("unknown strategy 'fine-tunin'"), e.getMessage());
    }

    @Test
    void theQuickstartConfigIsValid() {
        ExperimentConfig config = loader.load(Path.of("configs/quickstart.yaml"));
        assertEquals(54, config.cellCount());
        FashionMnistLoader.Parameters noisy = (FashionMnistLoader.Parameters) config.domains().get("fmnist-0-4-noisy").parameters();
        assertEquals(0.35, noisy.noise());
    }

    @Test
    void theClassificationStudyConfigIsValidAndUsesOnlyBuiltInClassificationStrategies() {
        ExperimentConfig config = loader.load(Path.of("configs/classification-study.yaml"));
        // Committed with its results before issue 15's methods; the methods study runs every strategy.
        assertTrue(builtInClassificationStrategies().containsAll(strategyNames(config)), strategyNames(config).toString());
        assertEquals(List.of(0, 1, 5, 20), config.budgets().perClass());
    }

    @Test
    void theMethodsStudyConfigIsValidAndUsesEveryBuiltInClassificationStrategy() {
        ExperimentConfig config = loader.load(Path.of("configs/methods-study.yaml"));
        assertEquals(builtInClassificationStrategies(), strategyNames(config));
        assertEquals(List.of(0, 1, 5), config.budgets().perClass());
    }

    @Test
    void theSelectionStudyGivesItsRotatedAndNoisyTargetsHeldOutSourceImages() {
        ExperimentConfig config = loader.load(Path.of("configs/selection-study.yaml"));
        assertTrue(config.settings().forecast());
        assertTrue(config.strategies().stream().filter(s -> s.candidates().size() > 1).count() >= 4, "strategies with candidates");
        for (String target : List.of("fmnist-0-4-rotated", "fmnist-0-4-noisy", "fmnist-5-9")) {
            assertTrue(config.domains().get(target).canonical().contains("testPerClass=500"),
                    target + " is tested on fewer images than the source, so the rest can be held out: " + config.domains().get(target).canonical());
        }
        assertTrue(config.domains().get("fmnist-0-4").canonical().contains("testPerClass=0"));
    }

    @Test
    void theMethodsStudyWithMoreLabelsDiffersFromTheMethodsStudyOnlyInItsBudgets() {
        ExperimentConfig few = loader.load(Path.of("configs/methods-study.yaml"));
        ExperimentConfig more = loader.load(Path.of("configs/methods-study-more-labels.yaml"));
        assertEquals(List.of(20, 100), more.budgets().perClass());
        // Together the two are the five budgets; anything else differing would make them two studies.
        assertEquals(domainParameters(few), domainParameters(more));
        assertEquals(few.pairs(), more.pairs());
        assertEquals(strategyCandidates(few), strategyCandidates(more));
        assertEquals(few.network(), more.network());
        assertEquals(few.settings().seed(), more.settings().seed());
        assertEquals(few.settings().seeds(), more.settings().seeds());
        assertEquals(few.cellCount() / 3 * 2, more.cellCount());
    }

    private static Map<String, Record> domainParameters(ExperimentConfig config) {
        Map<String, Record> parameters = new java.util.LinkedHashMap<>();
        config.domains().forEach((name, entry) -> parameters.put(name + " " + entry.loaderName(), entry.parameters()));
        return parameters;
    }

    private static Map<String, List<Record>> strategyCandidates(ExperimentConfig config) {
        Map<String, List<Record>> candidates = new java.util.LinkedHashMap<>();
        config.strategies().forEach(s -> candidates.put(s.name(), s.candidates()));
        return candidates;
    }

    private static java.util.Set<String> strategyNames(ExperimentConfig config) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        config.strategies().forEach(s -> used.add(s.name().replaceAll("@.*", "")));
        return used;
    }

    /** The transfer module's strategies; those a reproduction brought (selffer, benchmark-classifier) run in its study. */
    private static java.util.Set<String> builtInClassificationStrategies() {
        Plugins builtIn = Plugins.of(List.of(new org.transferlab.transfer.builtin.StrategiesModule()));
        return new java.util.TreeSet<>(org.transferlab.transfer.StrategyBindings.registry(builtIn).names());
    }

    @Test
    void aMisspelledKeyIsNamedWithItsLineAndASuggestion() {
        ConfigException e = error(VALID.replace("    learning-rate: 0.001", "    lerning-rate: 0.001"));
        assertEquals("study.yaml:20: unknown key 'strategies.fine-tuning.lerning-rate' (did you mean 'learning-rate'?); "
                + "expected one of: learning-rate, max-epochs, patience, batch-size, top-layers", e.getMessage());
    }

    @Test
    void aMisspelledTopLevelKeyIsNamed() {
        ConfigException e = error(VALID.replace("seeds: 2", "seedz: 2"));
        assertTrue(e.getMessage().startsWith("study.yaml:2: unknown key 'seedz' (did you mean 'seeds'?)"), e.getMessage());
    }

    @Test
    void aSelectionNamesTheDefaultOrARegisteredValidator() {
        ExperimentConfig byDefault = loader.parse("study.yaml", VALID);
        assertTrue(byDefault.selection().isDefault());
        assertEquals(java.util.Set.of("dev", "entropy", "iwcv", "snd", "source-validation"), byDefault.selection().validators().keySet(),
                "every registered validator scores the candidates, whichever chooses");
        ExperimentConfig iwcv = loader.parse("study.yaml", "selection: iwcv\n" + VALID);
        assertEquals("iwcv", iwcv.selection().name());
        assertTrue(iwcv.selection().chosen().isPresent());
        assertEquals(byDefault.digest(), loader.parse("study.yaml", "selection: target-validation\n" + VALID).digest(),
                "writing the default changes nothing");
        assertFalse(byDefault.digest().equals(iwcv.digest()), "another selection is another study");
        ConfigException e = error("selection: iwc\n" + VALID);
        assertEquals("study.yaml:1: key 'selection': unknown validator 'iwc' (did you mean 'iwcv'?); expected one of "
                + "target-validation, dev, entropy, iwcv, snd, source-validation", e.getMessage());
        String regression = VALID.replace("    classes: 3\n  tgt", "    task: regression\n  tgt")
                .replace("    shift: 0.5", "    shift: 0.5\n    task: regression").replace("  fine-tuning:\n    learning-rate: 0.001\n", "");
        e = error("seed: 1\nselection: entropy\n" + regression);
        assertEquals("study.yaml:2: key 'selection': validator 'entropy' scores classifiers' class probabilities, but this is a "
                + "regression study; leave out 'selection' (or write target-validation) to choose on the labelled validation split",
                e.getMessage());
    }

    @Test
    void aWrongTypeIsNamedWithItsLine() {
        ConfigException e = error(VALID.replace("seeds: 2", "seeds: two"));
        assertEquals("study.yaml:2: key 'seeds' must be an integer, got 'two'", e.getMessage());
        e = error(VALID.replace("hidden: [8]", "hidden: 8"));
        assertEquals("study.yaml:15: key 'network.hidden' must be a list like [1, 2], got '8'", e.getMessage());
        e = error(VALID.replace("type: mlp", "type: transformer"));
        assertEquals("study.yaml:14: key 'network.type' must be one of mlp, cnn, got 'transformer'", e.getMessage());
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentOverride() {
        ConfigException e = error(VALID.replace("seeds: 2", "seeds: 2\nseeds: 5"));
        assertEquals("study.yaml:3: key 'seeds' appears twice (first at line 2); keep one", e.getMessage());
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        ConfigException e = error(VALID.replace("name: tiny\n", ""));
        assertEquals("study.yaml:1: missing required key 'name'", e.getMessage());
        e = error(VALID.replace("pairs:\n  - {source: src, target: tgt}\n", ""));
        assertEquals("study.yaml:1: missing required key 'pairs'", e.getMessage());
    }

    @Test
    void anUnknownStrategyOrLoaderListsTheKnownNames() {
        ConfigException e = error(VALID.replace("  target-only: {}", "  target-onyl: {}"));
        assertEquals("study.yaml:18: key 'strategies.target-onyl': unknown strategy 'target-onyl'; "
                + "known classification strategies: " + String.join(", ",
                        org.transferlab.transfer.StrategyBindings.registry(Plugins.discover()).names()), e.getMessage());
        e = error(VALID.replace("loader: synthetic\n    classes: 3\n  tgt", "loader: synthetik\n    classes: 3\n  tgt"));
        assertEquals("study.yaml:5: key 'domains.src.loader': unknown domain loader 'synthetik'; "
                + "known domain loaders: " + String.join(", ", org.transferlab.core.loader.LoaderBindings.registry(Plugins.discover()).names()), e.getMessage());
    }

    @Test
    void aPairMustNameDeclaredDomains() {
        ConfigException e = error(VALID.replace("target: tgt}", "target: tgtt}"));
        assertEquals("study.yaml:12: key 'pairs[0].target': no domain 'tgtt'; declared domains: src, tgt", e.getMessage());
    }

    @Test
    void aStrategyThatDoesNotFitTheTaskIsRejected() {
        String regression = VALID.replace("    classes: 3\n  tgt", "    task: regression\n  tgt")
                .replace("    shift: 0.5", "    shift: 0.5\n    task: regression");
        ConfigException e = error(regression.replace("  fine-tuning:\n", "  feature-extraction:\n").replace("learning-rate: 0.001", "layer: -1"));
        assertEquals("study.yaml:21: key 'strategies.feature-extraction': strategy 'feature-extraction' does not apply to "
                + "regression domains (it fits classification and clustering domains); regression strategies: augment, "
                + "fine-tuning, importance-weighting, kliep, kmm, linint, pooled, prior, pooled, source-only, target-only, tradaboost-r2, weighted"
                .replace("prior, pooled", "pred, prior"), e.getMessage());
        // The same name means the same idea per task: target-only is the regression baseline here.
        ExperimentConfig config = new ConfigLoader(org.transferlab.core.plugin.Plugins.discover()).parse("study.yaml",
                regression.replace("  fine-tuning:\n    learning-rate: 0.001\n", "  prior: {lambda: [1, 10]}\n"));
        assertEquals(org.transferlab.core.data.TaskType.REGRESSION, config.task());
        assertEquals(org.transferlab.transfer.regression.TargetOnlyRegression.class, config.strategies().get(0).strategy().getClass());
        assertEquals(2, config.strategies().get(1).candidates().size());
    }

    @Test
    void aStudyHasOneTaskAndRegressionNeedsRegressionSources() {
        ConfigException e = error(VALID.replace("    shift: 0.5", "    shift: 0.5\n    task: regression"));
        assertEquals("study.yaml:13: key 'pairs': target 'tgt' is a regression domain, so its source must be one too, "
                + "but 'src' is a classification domain", e.getMessage());
        String mixed = VALID.replace("    shift: 0.5", "    shift: 0.5\n  tgt2:\n    loader: synthetic\n    task: clustering")
                .replace("  - {source: src, target: tgt}", "  - {source: src, target: tgt}\n  - {source: src, target: tgt2}");
        e = error(mixed);
        assertEquals("study.yaml:15: key 'pairs': target 'tgt' is a classification domain but target 'tgt2' is a clustering "
                + "domain; one study has one task, so put them in separate configs", e.getMessage());
    }

    @Test
    void valuesOutOfRangeAreReportedByTheRecordThatOwnsThem() {
        ConfigException e = error(VALID.replace("seeds: 2", "seeds: 0"));
        assertEquals("study.yaml:2: '(top level)': seeds must be at least 1, got 0", e.getMessage());
        e = error(VALID.replace("per-class: [5, 10]", "per-class: [-5, 10]"));
        assertEquals("study.yaml:22: 'budgets': budgets cannot be negative, got -5", e.getMessage());
        e = error(VALID.replace("per-class: [5, 10]", "per-class: []"));
        assertTrue(e.getMessage().contains("give exactly one of per-class or total"), e.getMessage());
        e = error(VALID.replace("strategies:\n  target-only: {}\n  fine-tuning:\n    learning-rate: 0.001\n", "strategies: {}\n"));
        assertEquals("study.yaml:17: 'strategies' is empty; name at least one strategy", e.getMessage());
    }

    @Test
    void globalTagsAreRejected() {
        ConfigException e = error(VALID.replace("name: tiny", "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]"));
        assertTrue(e.getMessage().startsWith("study.yaml:1: the YAML tag '!!javax.script.ScriptEngineManager' is not allowed"),
                e.getMessage());
    }

    @Test
    void anAliasBombIsStopped() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(previous).append(", *").append(previous)
                    .append(", *").append(previous).append(", *").append(previous).append("]\n");
        }
        ConfigException e = error(bomb + VALID);
        assertTrue(e.getMessage().startsWith("study.yaml:"), e.getMessage());
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, VALID + "# " + "x".repeat((int) ConfigLoader.MAX_BYTES) + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(huge));
        assertTrue(e.getMessage().startsWith(huge + ":1: the file is"), e.getMessage());
    }

    @Test
    void aMissingConfigFileIsNamed(@TempDir Path dir) {
        TransferLabException e = assertThrows(TransferLabException.class, () -> loader.load(dir.resolve("nope.yaml")));
        assertEquals(dir.resolve("nope.yaml") + ": no such config file", e.getMessage());
    }

    @Test
    void invalidYamlNamesTheLine() {
        ConfigException e = error("name: tiny\nseeds: [1, 2\n");
        assertTrue(e.getMessage().startsWith("study.yaml:3: not valid YAML"), e.getMessage());
    }
}
