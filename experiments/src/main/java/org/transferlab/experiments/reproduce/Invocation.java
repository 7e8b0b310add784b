package org.transferlab.experiments.reproduce;

import java.util.Map;
import java.util.Objects;

/**
 * How a reproduction was started, for its report.
 *
 * @param command     the command line as typed ({@code ./transferlab reproduce NAME --full})
 * @param mode        the size it ran at, as the report names it ("quick", "full", "test")
 * @param environment the machine and code it ran on, as {@code Provenance.environment} gives it
 */
public record Invocation(String command, String mode, Map<String, String> environment) {
    public Invocation {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(mode, "mode");
        environment = Map.copyOf(environment);
    }
}
