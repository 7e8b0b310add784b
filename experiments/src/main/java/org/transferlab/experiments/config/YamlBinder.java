package org.transferlab.experiments.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.transferlab.core.plugin.Default;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Binds YAML nodes onto Java records strictly: kebab-case keys map to record components, an unknown
 * key, a duplicate key, a missing required key or a value of the wrong type is a {@link ConfigException}
 * naming the file, the line and the key's full path. Defaults come from {@link Default} annotations;
 * a record's own constructor then validates the values and its message is reported at the record's line.
 *
 * <p>Only plain YAML is accepted: any explicit tag other than the core schema's (for example
 * {@code !!javax.script.ScriptEngineManager}) is rejected, and nothing is ever instantiated from the
 * document itself; values are converted to the record's declared types only.
 */
public final class YamlBinder {
    /** The most parameter combinations a strategy may list for the harness to choose from per cell. */
    public static final int MAX_CANDIDATES = 64;
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    private final String file;

    public YamlBinder(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Parses YAML text to a node tree with aliases limited, so an alias bomb fails instead of exploding. */
    public static Node parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit(1 << 20);
        try {
            Node root = new Yaml(options).compose(new java.io.StringReader(text));
            if (root == null) {
                throw new ConfigException(file, 1, "the file is empty; expected a mapping of config keys");
            }
            return root;
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            String problem = String.valueOf(e.getProblem());
            if (problem.startsWith("Global tag is not allowed: ")) {
                String tag = problem.substring("Global tag is not allowed: ".length()).replace(Tag.PREFIX, "!!");
                throw new ConfigException(file, line, "the YAML tag '" + tag
                        + "' is not allowed; configs hold plain values only", e);
            }
            throw new ConfigException(file, line, "not valid YAML: " + e.getProblem(), e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigException(file, 1, "not acceptable YAML: " + e.getMessage(), e);
        }
    }

    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The entries of a mapping node by key, rejecting duplicates and non-scalar keys. */
    public Map<String, Node> entries(Node node, String path) {
        MappingNode mapping = mapping(node, path);
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            checkTag(tuple.getKeyNode(), path);
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new ConfigException(file, line(tuple.getKeyNode()), "keys of '" + display(path) + "' must be plain words");
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                throw new ConfigException(file, line(keyNode), "key '" + join(path, key) + "' appears twice (first at line "
                        + lines.get(key) + "); keep one");
            }
            entries.put(key, tuple.getValueNode());
            lines.put(key, line(keyNode));
        }
        return entries;
    }

    /** Binds a mapping onto a record of {@code type}; {@code path} is the key path for messages. */
    public <R extends Record> R bind(Node node, Class<R> type, String path) {
        return bind(node, type, path, Set.of());
    }

    /** As {@link #bind(Node, Class, String)}, ignoring the keys in {@code handledElsewhere}. */
    public <R extends Record> R bind(Node node, Class<R> type, String path, Set<String> handledElsewhere) {
        return bindAll(node, type, path, handledElsewhere, false).get(0);
    }

    /**
     * Binds a mapping in which any parameter may be given as a list of candidates
     * ({@code learning-rate: [0.001, 0.01]}); returns one record per combination, in order.
     */
    public <R extends Record> List<R> bindCandidates(Node node, Class<R> type, String path) {
        return bindAll(node, type, path, Set.of(), true);
    }

    private <R extends Record> List<R> bindAll(Node node, Class<R> type, String path, Set<String> handledElsewhere,
                                               boolean candidates) {
        Map<String, Node> entries = node == null || isNull(node) ? Map.of() : entries(node, path);
        int line = node == null ? 1 : line(node);
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            byKey.put(kebab(component.getName()), component);
        }
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            if (!byKey.containsKey(entry.getKey()) && !handledElsewhere.contains(entry.getKey())) {
                List<String> known = new ArrayList<>(byKey.keySet());
                known.addAll(handledElsewhere);
                throw new ConfigException(file, line(entry.getValue()), "unknown key '" + join(path, entry.getKey())
                        + "'" + KeySuggestion.forTypo(entry.getKey(), known) + "; expected one of: " + String.join(", ", known));
            }
        }
        List<List<Object>> options = new ArrayList<>();
        for (RecordComponent component : components) {
            String key = kebab(component.getName());
            Node value = entries.get(key);
            if (value != null && !isNull(value)) {
                options.add(candidates && isCandidateList(component, value)
                        ? candidateValues((SequenceNode) value, component, join(path, key))
                        : List.of(convert(value, component.getGenericType(), join(path, key))));
            } else {
                Default fallback = component.getAnnotation(Default.class);
                if (fallback == null) {
                    throw new ConfigException(file, line, "missing required key '" + join(path, key) + "'"
                            + (path.isEmpty() ? "" : " in '" + path + "'"));
                }
                options.add(List.of(component.getType() == String.class ? fallback.value()
                        : convert(parse(file + " (default of " + join(path, key) + ")", fallback.value()),
                                component.getGenericType(), join(path, key))));
            }
        }
        long combinations = options.stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        if (combinations > MAX_CANDIDATES) {
            throw new ConfigException(file, line, "'" + display(path) + "' lists " + combinations
                    + " combinations of candidates; at most " + MAX_CANDIDATES + " are searched per cell");
        }
        List<R> records = new ArrayList<>();
        for (List<Object> values : product(options)) {
            records.add(construct(type, components, values.toArray(), path, line, entries));
        }
        return records;
    }

    /** A list given where one value is expected (or a list of lists where a list is): candidates. */
    private static boolean isCandidateList(RecordComponent component, Node value) {
        if (!(value instanceof SequenceNode sequence)) {
            return false;
        }
        boolean listParameter = component.getGenericType() instanceof ParameterizedType p && p.getRawType() == List.class;
        return !listParameter || (!sequence.getValue().isEmpty()
                && sequence.getValue().stream().allMatch(item -> item instanceof SequenceNode));
    }

    private List<Object> candidateValues(SequenceNode sequence, RecordComponent component, String path) {
        if (sequence.getValue().isEmpty()) {
            throw new ConfigException(file, line(sequence), "key '" + path + "' lists no candidates; give a value or a non-empty list");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            values.add(convert(sequence.getValue().get(i), component.getGenericType(), path + "[" + i + "]"));
        }
        return values;
    }

    private static List<List<Object>> product(List<List<Object>> options) {
        List<List<Object>> combinations = new ArrayList<>();
        combinations.add(new ArrayList<>());
        for (List<Object> choices : options) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : combinations) {
                for (Object choice : choices) {
                    List<Object> extended = new ArrayList<>(prefix);
                    extended.add(choice);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private <R extends Record> R construct(Class<R> type, RecordComponent[] components, Object[] values, String path, int line,
                                           Map<String, Node> entries) {
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof org.transferlab.core.TransferLabException) {
                throw new ConfigException(file, lineOfKeyNamedIn(String.valueOf(cause.getMessage()), entries, line),
                        "'" + display(path) + "': " + cause.getMessage(), cause);
            }
            throw new IllegalStateException("constructing " + type.getName() + " failed", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /**
     * A record's validation message usually starts with the key it is about ("seeds must be at least 1");
     * point at that key's line rather than the record's first line, when the key was written.
     */
    private static int lineOfKeyNamedIn(String message, Map<String, Node> entries, int recordLine) {
        String best = null;
        for (String key : entries.keySet()) {
            if ((message.startsWith(key + " ") || message.startsWith(key + ":"))
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? recordLine : line(entries.get(best));
    }

    /** Converts a node to {@code type}: a record, a list, an enum, a string, a number or a boolean. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object convert(Node node, Type type, String path) {
        checkTag(node, path);
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            if (!(node instanceof SequenceNode sequence)) {
                throw wrongType(node, path, "a list like [1, 2]");
            }
            List<Object> list = new ArrayList<>();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                list.add(convert(items.get(i), parameterized.getActualTypeArguments()[0], path + "[" + i + "]"));
            }
            return List.copyOf(list);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            return bind(node, (Class<? extends Record>) raw, path);
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw wrongType(node, path, expected(raw));
        }
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (raw == String.class) {
            return text;
        }
        if (raw.isEnum()) {
            String wanted = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (Object constant : raw.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(wanted)) {
                    return constant;
                }
            }
            throw wrongType(node, path, expected(raw));
        }
        try {
            if (raw == int.class || raw == Integer.class) {
                requireTag(node, tag, path, raw, Tag.INT);
                return Math.toIntExact(Long.parseLong(text.replace("_", "")));
            }
            if (raw == long.class || raw == Long.class) {
                requireTag(node, tag, path, raw, Tag.INT);
                return Long.parseLong(text.replace("_", ""));
            }
            if (raw == double.class || raw == Double.class) {
                requireTag(node, tag, path, raw, Tag.INT, Tag.FLOAT);
                double value = Double.parseDouble(text.replace("_", ""));
                if (!Double.isFinite(value)) {
                    throw wrongType(node, path, "a finite number");
                }
                return value;
            }
            if (raw == boolean.class || raw == Boolean.class) {
                requireTag(node, tag, path, raw, Tag.BOOL);
                return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw wrongType(node, path, expected(raw));
        }
        throw new IllegalStateException("config values of type " + type + " are not supported (" + path + ")");
    }

    public MappingNode mapping(Node node, String path) {
        checkTag(node, path);
        if (!(node instanceof MappingNode mapping)) {
            throw wrongType(node, path, "a mapping of keys to values");
        }
        return mapping;
    }

    public static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }

    public String requireString(Map<String, Node> entries, String key, String path, int line) {
        Node node = entries.get(key);
        if (node == null || isNull(node)) {
            throw new ConfigException(file, line, "missing required key '" + join(path, key) + "'");
        }
        return (String) convert(node, String.class, join(path, key));
    }

    private void checkTag(Node node, String path) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            String tag = node.getTag().getValue().replace(Tag.PREFIX, "!!");
            throw new ConfigException(file, line(node), "'" + display(path) + "' has the YAML tag '" + tag
                    + "'; configs hold plain values only, tags are not allowed");
        }
    }

    private void requireTag(Node node, Tag actual, String path, Class<?> raw, Tag... allowed) {
        if (Arrays.stream(allowed).noneMatch(actual::equals)) {
            throw wrongType(node, path, expected(raw));
        }
    }

    private ConfigException wrongType(Node node, String path, String expected) {
        String got = node instanceof ScalarNode scalar ? "'" + scalar.getValue() + "'"
                : node instanceof SequenceNode ? "a list" : "a mapping";
        return new ConfigException(file, line(node), "key '" + display(path) + "' must be " + expected + ", got " + got);
    }

    private static String expected(Class<?> raw) {
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "an integer";
        }
        if (raw == double.class || raw == Double.class) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw.isEnum()) {
            return "one of " + Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", "));
        }
        if (raw.isRecord()) {
            return "a mapping of keys to values";
        }
        return "a plain value";
    }

    /** {@code learningRate} becomes {@code learning-rate}. */
    public static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String display(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }
}
