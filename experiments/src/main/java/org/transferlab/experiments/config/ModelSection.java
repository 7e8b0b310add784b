package org.transferlab.experiments.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlab.transfer.pretrained.ModelFile;
import org.transferlab.transfer.pretrained.ModelFileException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The config's {@code models} section: pretrained source networks by name, each read and checked as the
 * config is loaded ({@link ModelFile}), so that a missing, truncated or foreign file, a wrong SHA-256 or a
 * layer that cannot be cut fails {@code validate} and {@code run} before anything is trained or written.
 * A relative {@code file} resolves against the folder of the config file, where a study's own model
 * belongs; it may not leave that folder through '..' (write an absolute path for a model kept elsewhere).
 */
final class ModelSection {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private ModelSection() {
    }

    /** @param files where to read named models from instead of their {@code file} key (a run directory's copy) */
    static Map<String, ModelEntry> read(YamlBinder binder, Node node, Map<String, DomainEntry> domains, Map<String, Path> files) {
        Map<String, Node> entries = binder.entries(node, "models");
        if (entries.isEmpty()) {
            throw new ConfigException(binder.file(), YamlBinder.line(node), "'models' is empty; declare a model or remove the key");
        }
        Map<String, ModelEntry> models = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            String name = entry.getKey();
            String path = "models." + name;
            int line = YamlBinder.line(entry.getValue());
            if (!name.matches(NAME)) {
                throw new ConfigException(binder.file(), line, "model name '" + name + "' must be letters, digits, '.', '_' or '-'");
            }
            if (domains.containsKey(name)) {
                throw new ConfigException(binder.file(), line, "model name '" + name + "' is also a domain's (line "
                        + domains.get(name).line() + "); a pair's source names one or the other, so give them different names");
            }
            Map<String, Node> fields = binder.entries(entry.getValue(), path);
            ModelEntry.Parameters parameters = binder.bind(entry.getValue(), ModelEntry.Parameters.class, path);
            int fileLine = YamlBinder.line(fields.get("file"));
            Path file = files.containsKey(name) ? files.get(name) : resolve(binder, parameters.file(), path, fileLine);
            try {
                models.put(name, new ModelEntry(name, parameters.file(), ModelFile.read(file, parameters.request()), line));
            } catch (ModelFileException e) {
                Node key = fields.get(e.key());
                throw new ConfigException(binder.file(), key == null ? line : YamlBinder.line(key),
                        "key '" + path + "." + e.key() + "': " + e.getMessage(), e);
            }
        }
        return models;
    }

    /** The model file: absolute as written, or relative to the config's folder and inside it. */
    private static Path resolve(YamlBinder binder, String file, String path, int line) {
        Path given;
        try {
            given = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ConfigException(binder.file(), line, "key '" + path + ".file': '" + file + "' is not a valid path ("
                    + e.getReason() + ")");
        }
        if (given.isAbsolute()) {
            return given.normalize();
        }
        if (given.normalize().startsWith("..")) {
            throw new ConfigException(binder.file(), line, "key '" + path + ".file': '" + file + "' leaves the config's folder "
                    + "through '..'; a relative model path resolves against the config's folder, so write the absolute path "
                    + "of a model kept elsewhere");
        }
        Path folder = Path.of(binder.file()).toAbsolutePath().getParent();
        return folder.resolve(given).normalize();
    }
}
