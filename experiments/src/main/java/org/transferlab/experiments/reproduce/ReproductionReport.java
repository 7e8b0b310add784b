package org.transferlab.experiments.reproduce;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frame every reproduction's {@code report.md} shares: what was run, where, how long it took and from
 * which commit; the claims table (the paper's number and ours side by side, and the verdict with its rule);
 * then the reproduction's own body; then the full environment.
 */
public final class ReproductionReport {
    /** The heading of the claims table; tests and readers look for it. */
    public static final String CLAIMS_HEADING = "## Claims";

    private ReproductionReport() {
    }

    public static String markdown(Reproduction<?> reproduction, Record settings, Invocation invocation, Findings findings,
                                  double wallSeconds, Instant finished) {
        Map<String, String> env = invocation.environment();
        StringBuilder out = new StringBuilder();
        out.append("# Reproduction: ").append(reproduction.name()).append("\n\n");
        out.append(reproduction.paper()).append("\n\n");
        out.append("- command: `").append(invocation.command()).append("`\n");
        out.append("- mode: ").append(invocation.mode()).append("\n");
        out.append("- settings: `").append(settings).append("`\n");
        out.append("- machine: ").append(env.getOrDefault("os", "unknown")).append(", ")
                .append(env.getOrDefault("cores", "?")).append(" cores, Java ").append(env.getOrDefault("java", "unknown"))
                .append(", OMP_NUM_THREADS=").append(env.getOrDefault("OMP_NUM_THREADS", "unset")).append("\n");
        out.append("- wall time: ").append(String.format(Locale.ROOT, "%.0f s (%.1f min)", wallSeconds, wallSeconds / 60))
                .append("\n");
        out.append("- commit: ").append(env.getOrDefault("git-commit", "unknown")).append(" (uncommitted changes: ")
                .append(env.getOrDefault("git-dirty", "unknown")).append(")\n");
        out.append("- finished: ").append(finished.truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        out.append("## Protocol as run\n\n").append(findings.protocol().strip()).append("\n\n");
        out.append(CLAIMS_HEADING).append("\n\n");
        out.append("| claim | the paper | this run | reproduced | how it was decided |\n|---|---|---|---|---|\n");
        for (Claim claim : findings.claims()) {
            out.append("| (").append(claim.id()).append(") ").append(cell(claim.statement())).append(" | ")
                    .append(cell(claim.paper())).append(" | ").append(cell(claim.ours())).append(" | **")
                    .append(claim.verdict().label()).append("** | ").append(cell(claim.rule())).append(" |\n");
        }
        out.append("\n").append(findings.body().strip()).append("\n\n");
        out.append("## Environment\n\n| key | value |\n|---|---|\n");
        new TreeMap<>(env).forEach((key, value) -> out.append("| ").append(key).append(" | ").append(cell(value)).append(" |\n"));
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
