package org.transferlab.experiments.reproduce;

import java.util.List;
import java.util.Objects;

/**
 * What a reproduction found: its checked claims, and the body of its report (Markdown: the protocol as run,
 * the tables, links to the figures it wrote, and why any number differs from the paper's).
 *
 * @param protocol one paragraph: what was run at this size (data, model, seeds, what was subsampled)
 * @param claims   the paper's claims, each with its verdict
 * @param body     the rest of the report, Markdown, with figure links relative to the results folder
 */
public record Findings(String protocol, List<Claim> claims, String body) {
    public Findings {
        Objects.requireNonNull(protocol, "protocol");
        claims = List.copyOf(claims);
        Objects.requireNonNull(body, "body");
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("a reproduction checks at least one claim");
        }
    }
}
