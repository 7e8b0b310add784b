package org.transferlab.core.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Named data for one task: a train partition that label budgets draw from, and a sealed test
 * partition that only the harness's evaluation opens.
 *
 * @param name       the domain's name in the experiment config
 * @param task       classification, regression or clustering
 * @param classNames the label space, index = class; empty for regression
 * @param shape      the layout of one example's features
 * @param train      examples that budgets, source training and unlabelled adaptation may use
 * @param test       held-out examples for the final evaluation only
 * @param provenance where the data came from (files, checksums, transforms), recorded with results in
 *                   the order the loader gives it
 */
public record Domain(String name, TaskType task, List<String> classNames, FeatureShape shape,
                     Examples train, TestPartition test, Map<String, String> provenance) {
    public Domain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        // In the loader's order, so provenance.csv and the report read as the loader wrote them, the same in every run.
        provenance.forEach((key, value) -> Objects.requireNonNull(value, () -> "provenance '" + key + "'"));
        provenance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(provenance));
        if (train.featureCount() != shape.size()) {
            throw new IllegalArgumentException("domain '" + name + "': shape " + shape + " has " + shape.size()
                    + " features but the examples have " + train.featureCount());
        }
        if (task != TaskType.REGRESSION && classNames.isEmpty()) {
            throw new IllegalArgumentException("domain '" + name + "': a " + task + " domain needs class names");
        }
    }

    public int classCount() {
        return classNames.size();
    }
}
