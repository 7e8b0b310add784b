package org.transferlab.testkit;

import org.transferlab.experiments.config.YamlBinder;

/**
 * Binds a plugin's parameters the way a study config does, from YAML text such as {@code "{model: logistic}"}:
 * kebab-case keys, defaults from {@code @Default}, the record's constructor validating. A contract that binds
 * its parameters through here also checks that the record can be written in a config at all.
 */
final class ContractParameters {
    private ContractParameters() {
    }

    /** {@code yaml} (a mapping; {@code "{}"} for every default) bound onto {@code type}; {@code what} names it in errors. */
    static <R extends Record> R bind(String what, String yaml, Class<R> type) {
        YamlBinder binder = new YamlBinder(what);
        return binder.bind(YamlBinder.parse(what, yaml), type, "");
    }
}
