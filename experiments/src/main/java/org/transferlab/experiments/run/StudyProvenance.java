package org.transferlab.experiments.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.transferlab.experiments.config.ExperimentConfig;
import org.transferlab.transfer.engine.InputScaling;

/** What a prepared study records in its run's {@code provenance.csv} about its domains and its model files. */
public final class StudyProvenance {
    /** The provenance key of a domain's input scaling rule. */
    public static final String INPUT_SCALING = "model-input-scaling";

    private StudyProvenance() {
    }

    /** Provenance of every model file: its path, SHA-256, format, input shape and cut. */
    public static Map<String, Map<String, String>> models(ExperimentConfig config) {
        Map<String, Map<String, String>> provenance = new LinkedHashMap<>();
        config.models().forEach((name, entry) -> provenance.put(name, entry.model().provenance()));
        return provenance;
    }

    /**
     * Provenance of every loaded domain: files, checksums, transforms, and how models trained on it scale its
     * features ({@code model-input-scaling}, {@link InputScaling#rule}).
     */
    public static Map<String, Map<String, String>> domains(StudyRunner.Prepared study) {
        Map<String, Map<String, String>> provenance = new LinkedHashMap<>();
        study.domains().forEach((k, d) -> {
            Map<String, String> rows = new LinkedHashMap<>(d.provenance());
            rows.put(INPUT_SCALING, InputScaling.rule(d.shape()));
            provenance.put(k, rows);
        });
        return provenance;
    }
}
