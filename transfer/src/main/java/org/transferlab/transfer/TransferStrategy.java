package org.transferlab.transfer;

import org.transferlab.core.data.TaskType;

/**
 * One way of using (or, for baselines, not using) a source domain to fit a target domain. A strategy
 * is a plugin: registered under a kebab-case name with {@link StrategyBindings#strategy}, with its
 * parameters in a record whose components the config binds by name and whose constructor validates
 * them. It fits on the {@link TransferContext}'s label budget only and returns a {@link Fitted}
 * predictor; the harness, not the strategy, evaluates it on the target's test partition.
 *
 * <p>Implementations are stateless and thread-safe; all randomness comes from the context's seed.
 *
 * @param <P> the parameter record
 */
public interface TransferStrategy<P extends Record> {

    /** The record type the config's strategy entry is bound to. */
    Class<P> parametersType();

    /** Whether this strategy can fit a domain of this task. */
    boolean supports(TaskType task);

    /**
     * Whether this strategy is a reference that may see every label of the target's train partition
     * instead of the cell's budget (the oracle). The harness then gives it the whole partition, still
     * split into train and validation, and reports it apart from the strategies under comparison.
     */
    default boolean usesAllTargetLabels() {
        return false;
    }

    /**
     * Whether the fit reads the labels of the target budget. A strategy that does not (source-only, CORAL,
     * every clusterer: the harness erases a clustering target's labels) is still compared with its baseline,
     * and the report says that it used no target labels.
     */
    default boolean usesTargetLabels() {
        return true;
    }

    /**
     * The parameters under which this strategy transfers nothing: the same model, trained from scratch on the
     * budget, which is the like-for-like no-transfer baseline of its model family (the regression MLP's
     * {@code transfer: false}). A strategy that is itself a no-transfer baseline returns its parameters
     * unchanged; empty (the default) when the strategy has no such setting, and the study's {@code target-only}
     * is then its baseline.
     */
    default java.util.Optional<P> withoutTransfer(P parameters) {
        return java.util.Optional.empty();
    }

    /**
     * Whether fitting with these parameters reads the source model ({@link TransferContext#sourceModel()},
     * {@link TransferContext#embeddedBudget}). The harness resolves the cell's source model (trains it, loads it
     * from the cache or reads its model file) before the fit, and only for a fit that says it reads it; the default
     * says yes. A strategy that learns from the target alone, or from the source's examples alone, says no, and
     * its context then refuses {@code sourceModel()}.
     */
    default boolean usesSourceModel(P parameters) {
        return true;
    }

    /** Fits the target budget in {@code context} and returns what the harness evaluates. */
    Fitted fit(P parameters, TransferContext context);
}
