package org.transferlab.core;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * The dependencies between TransferLab's packages, read by {@code jdeps} from compiled classes rather than from
 * import lines, so that fully qualified names written inline, {@code .class} literals and inherited types all
 * count. Each package edge keeps the class-to-class dependencies that make it, so a cycle can be reported with
 * the classes to move. Every module's {@code NoPackageCyclesTest} checks its own {@code target/classes}: Maven
 * modules depend on each other without cycles and no package spans two modules, so no cycle can cross modules.
 */
public final class PackageGraph {
    private static final String PROJECT_PACKAGES = "org\\.transferlab\\..*";
    /** A jdeps {@code -verbose:class} line: {@code   from.Class   -> to.Class   archive-or-"not found"}. */
    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+.*$");
    private static final int CLASS_PAIRS_SHOWN = 3;

    /** From package, to package, the class-level dependencies ({@code From -> To}, simple names) behind it. */
    private final SortedMap<String, SortedMap<String, SortedSet<String>>> edges;

    private PackageGraph(SortedMap<String, SortedMap<String, SortedSet<String>>> edges) {
        this.edges = edges;
    }

    /** The graph of the classes under {@code classes} (a module's {@code target/classes}), from jdeps. */
    public static PackageGraph ofClasses(Path classes) {
        if (!Files.isDirectory(classes.resolve("org/transferlab"))) {
            throw new IllegalStateException("no compiled TransferLab classes under " + classes.toAbsolutePath());
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps tool (module jdk.jdeps)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "-verbose:class", "-e", PROJECT_PACKAGES, classes.toString());
        if (status != 0) {
            throw new IllegalStateException("jdeps failed (" + status + ") on " + classes + ": " + err + out);
        }
        return parse(out.toString());
    }

    /** The graph of jdeps {@code -verbose:class} output; dependencies within one package are left out. */
    static PackageGraph parse(String jdepsOutput) {
        SortedMap<String, SortedMap<String, SortedSet<String>>> edges = new TreeMap<>();
        for (String line : jdepsOutput.split("\\R")) {
            Matcher dependency = DEPENDENCY.matcher(line);
            if (!dependency.matches()) {
                continue;
            }
            String from = dependency.group(1);
            String to = dependency.group(2);
            if (!packageOf(from).equals(packageOf(to))) {
                edges.computeIfAbsent(packageOf(from), k -> new TreeMap<>())
                        .computeIfAbsent(packageOf(to), k -> new TreeSet<>())
                        .add(simpleName(from) + " -> " + simpleName(to));
            }
        }
        return new PackageGraph(edges);
    }

    /** The packages each package depends on. */
    public SortedMap<String, SortedSet<String>> dependencies() {
        SortedMap<String, SortedSet<String>> packages = new TreeMap<>();
        edges.forEach((from, to) -> packages.put(from, new TreeSet<>(to.keySet())));
        return packages;
    }

    /**
     * Every package cycle, one entry per strongly connected component of two or more packages, each with the
     * package edges inside it and the classes that make them; empty when the packages form a DAG.
     */
    public List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        for (SortedSet<String> component : stronglyConnectedComponents()) {
            if (component.size() < 2) {
                continue;
            }
            StringBuilder cycle = new StringBuilder("cycle among " + component + ":");
            for (String from : component) {
                edges.getOrDefault(from, new TreeMap<>()).forEach((to, classes) -> {
                    if (component.contains(to)) {
                        cycle.append("\n  ").append(from).append(" -> ").append(to).append(" (").append(shown(classes)).append(')');
                    }
                });
            }
            cycles.add(cycle.toString());
        }
        return cycles;
    }

    private static String shown(SortedSet<String> classes) {
        List<String> first = classes.stream().limit(CLASS_PAIRS_SHOWN).toList();
        int more = classes.size() - first.size();
        return String.join(", ", first) + (more > 0 ? ", and " + more + " more" : "");
    }

    /** Tarjan's algorithm, iterative so that a deep graph cannot overflow the stack. */
    private List<SortedSet<String>> stronglyConnectedComponents() {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(to -> nodes.addAll(to.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<SortedSet<String>> components = new ArrayList<>();
        for (String root : nodes) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            visit(root, index, low, stack, onStack, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> frame = work.peek();
                String node = frame.getKey();
                List<String> pending = frame.getValue();
                if (!pending.isEmpty()) {
                    String next = pending.remove(0);
                    if (!index.containsKey(next)) {
                        visit(next, index, low, stack, onStack, work);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    SortedSet<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
            }
        }
        return components;
    }

    private void visit(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, Deque<Map.Entry<String, List<String>>> work) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, new ArrayList<>(edges.getOrDefault(node, new TreeMap<>()).keySet())));
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
