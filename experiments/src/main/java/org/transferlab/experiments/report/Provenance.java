package org.transferlab.experiments.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.transferlab.core.TransferLabException;
import org.transferlab.experiments.run.CsvRows;

/**
 * Where a run's numbers came from: the code (git commit and whether the tree was dirty), the
 * runtime (Java, OS, library versions, thread settings), the data (files and their SHA-256, per
 * domain) and the pretrained source models (file, SHA-256, input shape, where it is cut, per model). Written as
 * {@code provenance.csv} (scope, key, value) into the run directory.
 */
public final class Provenance {
    public static final String FILE = "provenance.csv";

    /**
     * One row of the table.
     *
     * @param scope {@code environment}, {@code domain NAME} or {@code model NAME} (prefixed with its shard's
     *              directory in a merged run: {@code shard-0: domain NAME})
     * @param key   what is recorded ({@code git-commit}, {@code sha256}, {@code rows-dropped}, ...)
     * @param value its value
     */
    public record Entry(String scope, String key, String value) {
        /** The same entry under a shard's directory name, as a merged run's provenance lists it. */
        public Entry inShard(String shard) {
            return new Entry(shard + ": " + scope, key, value);
        }
    }

    private Provenance() {
    }

    /** The environment this JVM runs in; {@code home} is the TransferLab checkout, for git. */
    public static Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("git-commit", git(home, "rev-parse", "HEAD"));
        String status = git(home, "status", "--porcelain", "--untracked-files=no");
        env.put("git-dirty", status.equals("unknown") ? "unknown" : Boolean.toString(!status.isBlank()));
        env.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("OMP_NUM_THREADS", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        env.put("deeplearning4j", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        env.put("nd4j", mavenVersion("org.nd4j", "nd4j-api"));
        env.put("tribuo", org.tribuo.Tribuo.VERSION);
        return env;
    }

    /** The provenance table: environment rows, then one block of rows per domain. */
    public static String csv(Map<String, String> environment, Map<String, Map<String, String>> domains) {
        return csv(environment, domains, Map.of());
    }

    /** The provenance table: environment rows, one block of rows per domain, then one per model file. */
    public static String csv(Map<String, String> environment, Map<String, Map<String, String>> domains,
                             Map<String, Map<String, String>> models) {
        List<Entry> entries = new ArrayList<>();
        environment.forEach((key, value) -> entries.add(new Entry("environment", key, value)));
        domains.forEach((domain, rows) -> rows.forEach((key, value) -> entries.add(new Entry("domain " + domain, key, value))));
        models.forEach((model, rows) -> rows.forEach((key, value) -> entries.add(new Entry("model " + model, key, value))));
        return csv(entries);
    }

    /** The provenance table of these entries, in order. */
    public static String csv(List<Entry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("scope", "key", "value").setRecordSeparator('\n').get())) {
            for (Entry entry : entries) {
                printer.printRecord(entry.scope(), entry.key(), entry.value());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /** Reads a run's provenance table back, or an empty list when it has none. */
    public static List<Entry> read(Path runDirectory) {
        Path file = runDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new ArrayList<>();
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, String> row : CsvRows.read(file)) {
            if (!row.containsKey("scope") || !row.containsKey("key") || !row.containsKey("value")) {
                throw new TransferLabException(file + ": expected the columns scope, key, value; got " + row.keySet());
            }
            entries.add(new Entry(row.get("scope"), row.get("key"), row.get("value")));
        }
        return entries;
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", home.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "unknown";
            }
            return output;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
