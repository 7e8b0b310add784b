package org.transferlab.experiments.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.TaskType;
import org.transferlab.core.loader.DomainLoader;
import org.transferlab.core.loader.LoaderBindings;
import org.transferlab.core.plugin.PluginRegistry;
import org.transferlab.core.plugin.Plugins;
import org.transferlab.transfer.selection.Validator;
import org.transferlab.transfer.selection.ValidatorBindings;
import org.transferlab.transfer.StrategyBindings;
import org.transferlab.transfer.TransferStrategy;
import org.transferlab.transfer.engine.NetworkSpec;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an experiment config file strictly. The top-level keys are {@code name}, {@code description},
 * {@code seed}, {@code seeds}, {@code data-dir}, {@code domains}, {@code models} (pretrained source networks,
 * optional: see {@link ModelSection}), {@code pairs}, {@code network}, {@code strategies} and {@code budgets};
 * see {@code experiments/configs/quickstart.yaml} for an example.
 * Every error names the file, the line and the key.
 */
public final class ConfigLoader {
    /** Configs describe experiments; one larger than this is a mistake, not a study. */
    public static final long MAX_BYTES = 256 * 1024;
    // In the order of a config file: they are listed in messages, and Set.of's order changes from one JVM to the next.
    private static final Set<String> SECTIONS = java.util.Collections.unmodifiableSet(
            new java.util.LinkedHashSet<>(List.of("domains", "models", "pairs", "network", "strategies", "budgets")));
    private static final String DOMAIN_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private final PluginRegistry<DomainLoader<?>> loaders;
    private final Plugins plugins;
    private final Map<String, Path> modelFiles;

    public ConfigLoader(Plugins plugins) {
        this(plugins, Map.of());
    }

    private ConfigLoader(Plugins plugins, Map<String, Path> modelFiles) {
        this.loaders = LoaderBindings.registry(plugins);
        this.plugins = plugins;
        this.modelFiles = Map.copyOf(modelFiles);
    }

    /**
     * A loader that reads the named models from these files instead of resolving their {@code file} key: for
     * the copy of a config in a run directory, whose relative model paths were relative to the original's folder.
     */
    public ConfigLoader withModelFiles(Map<String, Path> files) {
        return new ConfigLoader(plugins, files);
    }

    public ExperimentConfig load(Path path) {
        String file = path.toString();
        String text;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ConfigException(file, 1, "the file is " + size + " bytes; a config may have at most " + MAX_BYTES);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw new TransferLabException(file + ": no such config file", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 1, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new TransferLabException(file + ": cannot be read (" + e + ")", e);
        }
        return parse(file, text);
    }

    public ExperimentConfig parse(String file, String text) {
        YamlBinder binder = new YamlBinder(file);
        Node root = YamlBinder.parse(file, text);
        Map<String, Node> top = binder.entries(root, "");
        StudySettings settings = binder.bind(root, StudySettings.class, "", SECTIONS);
        int rootLine = YamlBinder.line(root);

        Map<String, DomainEntry> domains = domains(binder, required(binder, top, "domains", rootLine));
        Map<String, ModelEntry> models = top.get("models") == null || YamlBinder.isNull(top.get("models")) ? Map.of()
                : ModelSection.read(binder, top.get("models"), domains, modelFiles);
        List<PairEntry> pairs = pairs(binder, required(binder, top, "pairs", rootLine), domains, models);
        NetworkSpec network = binder.bind(required(binder, top, "network", rootLine), NetworkSpec.class, "network");
        List<StrategyEntry> chosen = strategies(binder, required(binder, top, "strategies", rootLine), pairs, domains,
                models, YamlBinder.line(top.get("pairs")));
        BudgetGrid budgets = binder.bind(required(binder, top, "budgets", rootLine), BudgetGrid.class, "budgets");
        return new ExperimentConfig(file, text, settings, domains, models, pairs, network, chosen, budgets,
                selection(binder, settings, top.get("selection"), rootLine,
                        studyTask(binder, pairs, domains, models, YamlBinder.line(top.get("pairs")))));
    }

    /** The study's {@code selection:}: the default, or a registered validator, with every validator for the report. */
    private SelectionSetting selection(YamlBinder binder, StudySettings settings, Node node, int rootLine, TaskType task) {
        PluginRegistry<Validator> registry = ValidatorBindings.registry(plugins);
        Map<String, Validator> validators = new java.util.TreeMap<>();
        registry.names().forEach(name -> validators.put(name, registry.get(name)));
        String name = settings.selection();
        if (!name.equals(SelectionSetting.TARGET_VALIDATION) && !validators.containsKey(name)) {
            List<String> known = new ArrayList<>();
            known.add(SelectionSetting.TARGET_VALIDATION);
            known.addAll(validators.keySet());
            String typo = KeySuggestion.forTypo(name, known);
            throw new ConfigException(binder.file(), node == null ? rootLine : YamlBinder.line(node), "key 'selection': unknown "
                    + "validator '" + name + "'" + typo + "; expected one of " + String.join(", ", known));
        }
        if (!name.equals(SelectionSetting.TARGET_VALIDATION) && task != TaskType.CLASSIFICATION) {
            throw new ConfigException(binder.file(), YamlBinder.line(node), "key 'selection': validator '" + name + "' scores "
                    + "classifiers' class probabilities, but this is a " + task.name().toLowerCase() + " study; leave out "
                    + "'selection' (or write " + SelectionSetting.TARGET_VALIDATION + ") to choose on the labelled validation split");
        }
        return new SelectionSetting(name, validators);
    }

    /** The task of every target: one study compares strategies on one task, scored by one set of metrics. */
    private static TaskType studyTask(YamlBinder binder, List<PairEntry> pairs, Map<String, DomainEntry> domains,
                                      Map<String, ModelEntry> models, int line) {
        TaskType task = domains.get(pairs.get(0).target()).task();
        for (PairEntry pair : pairs) {
            TaskType other = domains.get(pair.target()).task();
            if (other != task) {
                throw new ConfigException(binder.file(), line, "key 'pairs': target '" + pairs.get(0).target() + "' is a "
                        + task.name().toLowerCase() + " domain but target '" + pair.target() + "' is a "
                        + other.name().toLowerCase() + " domain; one study has one task, so put them in separate configs");
            }
            for (String name : pair.sourceNames()) {
                checkSourceTask(binder, task, pair.target(), name, domains, models, line);
            }
        }
        return task;
    }

    private static void checkSourceTask(YamlBinder binder, TaskType task, String targetName, String sourceName,
                                        Map<String, DomainEntry> domains, Map<String, ModelEntry> models, int line) {
        if (models.containsKey(sourceName)) {
            if (task == TaskType.REGRESSION) {
                throw new ConfigException(binder.file(), line, "key 'pairs': the source of target '" + targetName
                        + "' is model '" + sourceName + "', but a regression study's strategies learn from a source "
                        + "domain's examples; a model file can be the source of classification and clustering targets");
            }
            return;
        }
        TaskType source = domains.get(sourceName).task();
        if (task == TaskType.REGRESSION && source != TaskType.REGRESSION) {
            throw new ConfigException(binder.file(), line, "key 'pairs': target '" + targetName
                    + "' is a regression domain, so its source must be one too, but '" + sourceName + "' is a "
                    + source.name().toLowerCase() + " domain");
        }
        if (task != TaskType.REGRESSION && source == TaskType.REGRESSION) {
            throw new ConfigException(binder.file(), line, "key 'pairs': source '" + sourceName
                    + "' is a regression domain, but target '" + targetName + "' is a " + task.name().toLowerCase()
                    + " domain; a " + task.name().toLowerCase() + " study needs sources with classes");
        }
    }

    private static Node required(YamlBinder binder, Map<String, Node> top, String key, int line) {
        Node node = top.get(key);
        if (node == null || YamlBinder.isNull(node)) {
            throw new ConfigException(binder.file(), line, "missing required key '" + key + "'");
        }
        return node;
    }

    private Map<String, DomainEntry> domains(YamlBinder binder, Node node) {
        Map<String, DomainEntry> domains = new LinkedHashMap<>();
        Map<String, Node> entries = binder.entries(node, "domains");
        if (entries.isEmpty()) {
            throw new ConfigException(binder.file(), YamlBinder.line(node), "'domains' is empty; declare at least a source and a target");
        }
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            String name = entry.getKey();
            String path = "domains." + name;
            int line = YamlBinder.line(entry.getValue());
            if (!name.matches(DOMAIN_NAME)) {
                throw new ConfigException(binder.file(), line, "domain name '" + name + "' must be letters, digits, '.', '_' or '-'");
            }
            Map<String, Node> fields = binder.entries(entry.getValue(), path);
            String loaderName = binder.requireString(fields, "loader", path, line);
            DomainLoader<?> loader;
            try {
                loader = loaders.get(loaderName);
            } catch (TransferLabException e) {
                throw new ConfigException(binder.file(), YamlBinder.line(fields.get("loader")),
                        "key '" + path + ".loader': " + e.getMessage(), e);
            }
            Record parameters = binder.bind(entry.getValue(), loader.parametersType(), path, Set.of("loader"));
            domains.put(name, new DomainEntry(name, loaderName, loader, parameters, line));
        }
        return domains;
    }

    private static List<PairEntry> pairs(YamlBinder binder, Node node, Map<String, DomainEntry> domains,
                                         Map<String, ModelEntry> models) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw new ConfigException(binder.file(), YamlBinder.line(node),
                    "key 'pairs' must be a non-empty list of {source: DOMAIN, target: DOMAIN} ({sources: [DOMAIN, DOMAIN], "
                            + "target: DOMAIN} for several sources, {target: DOMAIN} alone for no-transfer strategies only)");
        }
        List<PairEntry> pairs = new ArrayList<>();
        Map<String, String> studied = new LinkedHashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node item = sequence.getValue().get(i);
            String path = "pairs[" + i + "]";
            PairEntry pair = binder.bind(item, PairEntry.class, path);
            int line = YamlBinder.line(item);
            checkSeveralSources(binder, pair, path, line, domains, models);
            if (models.containsKey(pair.target())) {
                throw new ConfigException(binder.file(), line, "key '" + path + ".target': '" + pair.target()
                        + "' is a model; a target must be a domain, whose label budget and test partition are used");
            }
            if (!domains.containsKey(pair.target())) {
                throw new ConfigException(binder.file(), line, "key '" + path + ".target': no domain '" + pair.target()
                        + "'; declared domains: " + String.join(", ", domains.keySet()));
            }
            String sourceKey = pair.hasSeveralSources() ? "sources" : "source";
            for (String name : pair.sourceNames()) {
                if (!domains.containsKey(name) && !models.containsKey(name)) {
                    throw new ConfigException(binder.file(), line, "key '" + path + "." + sourceKey + "': no "
                            + (!models.isEmpty() ? "domain or model" : "domain") + " '" + name
                            + "'; declared domains: " + String.join(", ", domains.keySet())
                            + (!models.isEmpty() ? "; models: " + String.join(", ", models.keySet()) : ""));
                }
                if (name.equals(pair.target())) {
                    throw new ConfigException(binder.file(), line, "'" + path + "': source and target are the same domain '"
                            + name + "'");
                }
            }
            if (pairs.contains(pair)) {
                throw new ConfigException(binder.file(), line, "'" + path + "': pair " + pair.label() + " is listed twice");
            }
            for (String name : pair.sourceNames()) {
                String single = name + " → " + pair.target();
                String earlier = studied.putIfAbsent(single, path);
                if (earlier != null) {
                    throw new ConfigException(binder.file(), line, "'" + path + "': pair " + single + " is studied by "
                            + earlier + " already (a pair of several sources studies each source on its own as well); "
                            + "list it once");
                }
            }
            pairs.add(pair);
            DomainEntry target = domains.get(pair.target());
            for (String name : pair.sourceNames()) {
                DomainEntry source = domains.get(name);
                if (source == null) {
                    continue;
                }
                source.splitConflictWith(target).ifPresent(c -> {
                    throw new ConfigException(binder.file(), line, "'" + path + "': domains '" + source.name()
                            + "' (source, line " + source.line() + ") and '" + target.name() + "' (target, line " + target.line()
                            + ") both read " + c.data() + ", which is split into train and test once for all its domains, but key '"
                            + c.key() + "' is " + c.first() + " for '" + source.name() + "' and " + c.second() + " for '"
                            + target.name() + "'; give both the same " + c.key() + " (with two splits, the source's train rows could "
                            + "include the target's test rows)");
                });
            }
        }
        return pairs;
    }

    /** A pair's {@code sources}: instead of {@code source}, at least two, each a domain, none twice. */
    private static void checkSeveralSources(YamlBinder binder, PairEntry pair, String path, int line,
                                            Map<String, DomainEntry> domains, Map<String, ModelEntry> models) {
        if (!pair.hasSeveralSources()) {
            return;
        }
        if (!pair.source().equals(NoSource.ABSENT)) {
            throw new ConfigException(binder.file(), line, "'" + path + "' gives both 'source' and 'sources'; give 'source: A' "
                    + "for one source or 'sources: [A, B]' for several");
        }
        if (pair.sources().size() < 2) {
            throw new ConfigException(binder.file(), line, "key '" + path + ".sources' lists one source; give 'source: "
                    + pair.sources().get(0) + "' for a single source, or at least two under 'sources'");
        }
        if (new java.util.HashSet<>(pair.sources()).size() < pair.sources().size()) {
            throw new ConfigException(binder.file(), line, "key '" + path + ".sources' lists a source twice: " + pair.sources());
        }
        for (String name : pair.sources()) {
            if (models.containsKey(name) && !domains.containsKey(name)) {
                throw new ConfigException(binder.file(), line, "key '" + path + ".sources': '" + name + "' is a model, but several "
                        + "sources are combined by pooling their examples, which a model file does not have; list only domains "
                        + "under 'sources', and give the model its own pair");
            }
        }
    }

    private List<StrategyEntry> strategies(YamlBinder binder, Node node, List<PairEntry> pairs,
                                           Map<String, DomainEntry> domains, Map<String, ModelEntry> models, int pairsLine) {
        Map<String, Node> entries = binder.entries(node, "strategies");
        if (entries.isEmpty()) {
            throw new ConfigException(binder.file(), YamlBinder.line(node), "'strategies' is empty; name at least one strategy");
        }
        TaskType task = studyTask(binder, pairs, domains, models, pairsLine);
        PluginRegistry<TransferStrategy<?>> strategies = StrategyBindings.registry(plugins, task);
        List<StrategyEntry> chosen = new ArrayList<>();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            String name = entry.getKey();
            int line = YamlBinder.line(entry.getValue());
            // "fine-tuning@top2" is a variant of fine-tuning: its own row in the grid, with its own parameters.
            String plugin = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
            if (name.contains("@") && !name.substring(name.indexOf('@') + 1).matches("[a-z0-9][a-z0-9.-]*")) {
                throw new ConfigException(binder.file(), line, "key 'strategies." + name
                        + "': a variant is named STRATEGY@LABEL, with a label of lower-case letters, digits, '.' or '-'");
            }
            if (!strategies.contains(plugin)) {
                List<String> elsewhere = java.util.Arrays.stream(TaskType.values()).filter(t -> t != task)
                        .filter(t -> StrategyBindings.registry(plugins, t).contains(plugin))
                        .map(t -> t.name().toLowerCase()).toList();
                String known = task.name().toLowerCase() + " strategies: " + String.join(", ", strategies.names());
                throw new ConfigException(binder.file(), line, "key 'strategies." + name + "': " + (elsewhere.isEmpty()
                        ? "unknown strategy '" + plugin + "'; known " + known
                        : "strategy '" + plugin + "' does not apply to " + task.name().toLowerCase() + " domains (it fits "
                        + String.join(" and ", elsewhere) + " domains); " + known));
            }
            TransferStrategy<?> strategy = strategies.get(plugin);
            List<Record> candidates = new ArrayList<>(binder.bindCandidates(entry.getValue(), strategy.parametersType(),
                    "strategies." + name));
            chosen.add(new StrategyEntry(name, strategy, candidates, line));
        }
        return chosen;
    }
}
