package org.transferlab.experiments.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.transferlab.experiments.config.StrategyEntry;
import org.transferlab.transfer.TransferStrategy;
import org.transferlab.transfer.baseline.TargetOnly;

/**
 * Which no-transfer line each strategy of a study is compared with, and which strategies use no target
 * labels. In order:
 * <ol>
 *   <li>{@code target-only}, its variants {@code target-only@L}, and every entry whose strategy says it
 *       transfers nothing ({@link TransferStrategy#withoutTransfer} returns its own parameters, such as the
 *       regression MLP's {@code fine-tuning@scratch: {transfer: false}}) are baselines, never compared;</li>
 *   <li>a strategy whose model family has a no-transfer setting is compared with the study's entry of the same
 *       strategy with exactly those parameters, else with another of its no-transfer entries: fine-tuning of the
 *       source MLP against the same MLP from scratch, not against ridge regression;</li>
 *   <li>a variant {@code STRATEGY@L} is compared with {@code target-only@L} when the study has it (HDBSCAN on
 *       embeddings against HDBSCAN on raw features);</li>
 *   <li>everything else with {@code target-only}.</li>
 * </ol>
 * Without a config (tables built from results rows alone) only the name rules apply.
 */
public final class Baselines {
    private final Map<String, String> family;
    private final Set<String> noTransfer;
    private final Set<String> withoutTargetLabels;

    private Baselines(Map<String, String> family, Set<String> noTransfer, Set<String> withoutTargetLabels) {
        this.family = Map.copyOf(family);
        this.noTransfer = Set.copyOf(noTransfer);
        this.withoutTargetLabels = Set.copyOf(withoutTargetLabels);
    }

    /** The name rules only: {@code target-only@L}, then {@code target-only}. */
    public static Baselines byName() {
        return new Baselines(Map.of(), Set.of(), Set.of());
    }

    /** The rules above, for a study's strategy entries. */
    public static Baselines of(List<StrategyEntry> strategies) {
        Map<String, String> family = new LinkedHashMap<>();
        Set<String> noTransfer = new java.util.LinkedHashSet<>();
        Set<String> withoutLabels = new java.util.LinkedHashSet<>();
        for (StrategyEntry entry : strategies) {
            if (!entry.strategy().usesTargetLabels()) {
                withoutLabels.add(entry.name());
            }
            if (transfersNothing(entry)) {
                noTransfer.add(entry.name());
            }
        }
        for (StrategyEntry entry : strategies) {
            if (noTransfer.contains(entry.name())) {
                continue;
            }
            List<Optional<Record>> counterparts = entry.candidates().stream().map(c -> withoutTransfer(entry.strategy(), c)).toList();
            if (counterparts.stream().anyMatch(Optional::isEmpty)) {
                continue;
            }
            List<Record> wanted = counterparts.stream().map(Optional::orElseThrow).toList();
            List<StrategyEntry> sameStrategy = strategies.stream()
                    .filter(e -> e.strategy() == entry.strategy() && noTransfer.contains(e.name())).toList();
            sameStrategy.stream().filter(e -> e.candidates().equals(wanted)).findFirst()
                    .or(() -> sameStrategy.stream().findFirst())
                    .ifPresent(baseline -> family.put(entry.name(), baseline.name()));
        }
        return new Baselines(family, noTransfer, withoutLabels);
    }

    /** Whether {@code strategy} is a no-transfer baseline, reported but not compared. */
    public boolean isBaseline(String strategy) {
        return strategy.equals(TargetOnly.NAME) || strategy.startsWith(TargetOnly.NAME + "@") || noTransfer.contains(strategy);
    }

    /** The line {@code strategy} is compared with, among the strategies {@code present} in the table. */
    public String baselineOf(String strategy, Set<String> present) {
        String own = family.get(strategy);
        if (own != null && present.contains(own)) {
            return own;
        }
        int at = strategy.indexOf('@');
        if (at > 0) {
            String variant = TargetOnly.NAME + strategy.substring(at);
            if (present.contains(variant)) {
                return variant;
            }
        }
        return TargetOnly.NAME;
    }

    /** Whether {@code strategy} fits without reading any target label. */
    public boolean usesTargetLabels(String strategy) {
        return !withoutTargetLabels.contains(strategy);
    }

    private static boolean transfersNothing(StrategyEntry entry) {
        return entry.candidates().stream().allMatch(c -> withoutTransfer(entry.strategy(), c).filter(c::equals).isPresent());
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Optional<Record> withoutTransfer(TransferStrategy<P> strategy, Record parameters) {
        return strategy.withoutTransfer((P) parameters).map(p -> (Record) p);
    }
}
