package org.transferlab.experiments.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.transferlab.transfer.selection.Validator;

/**
 * How a cell chooses among its strategy's parameter candidates (the study's {@code selection:} key), and every
 * registered validator, which the harness asks about each candidate of a cell that has several, so that the report
 * can set them side by side whichever one chose.
 *
 * @param name       {@link #TARGET_VALIDATION} (the budget's labelled validation split; the default) or a registered
 *                   validator's name
 * @param validators every registered validator by name, in name order
 */
public record SelectionSetting(String name, Map<String, Validator> validators) {
    /** The default: the candidate with the best score on the validation split carved out of the label budget. */
    public static final String TARGET_VALIDATION = "target-validation";

    public SelectionSetting {
        validators = Collections.unmodifiableMap(new LinkedHashMap<>(validators));
        if (!name.equals(TARGET_VALIDATION) && !validators.containsKey(name)) {
            throw new IllegalArgumentException("no validator '" + name + "'");
        }
    }

    /** The validator that chooses; empty for {@link #TARGET_VALIDATION}. */
    public Optional<Validator> chosen() {
        return Optional.ofNullable(validators.get(name));
    }

    public boolean isDefault() {
        return name.equals(TARGET_VALIDATION);
    }
}
