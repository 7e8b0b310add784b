package org.transferlab.transfer.forecast;

/**
 * A transferability score: a number computed from a source model and the target's train partition (its label budget,
 * or its unlabelled examples) before any target model is trained, and the forecast it implies of whether transfer from
 * that source helps the target. Implementations are registered by name with {@link ScoreBindings#score} in a
 * {@link org.transferlab.core.plugin.TransferLabModule}, and found on the class path, so a third-party jar can add its
 * own; {@code ./transferlab forecast} computes every registered score.
 *
 * <p>A score sees only {@link ForecastInputs}, which hold no target test example.
 */
public interface TransferabilityScore {
    /** One line for {@code ./transferlab list}: what the score measures and its paper. */
    String description();

    /** Whether it reads the budget's labels (so it has no value at a budget of 0). */
    boolean readsLabels();

    /** Whether a higher value means a more transferable source (a score of fit) rather than a lower (a distance). */
    boolean higherIsBetter();

    /** The score and its forecast for one source, target budget and seed. */
    Forecast forecast(ForecastInputs inputs);
}
