package org.transferlab.experiments.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.Examples;
import org.transferlab.core.data.SealedTestAccess;
import org.transferlab.transfer.Fitted;
import org.transferlab.transfer.selection.ImportanceWeights;
import org.transferlab.transfer.selection.ValidationInputs;
import org.transferlab.transfer.selection.Validator;

/**
 * What the validators of a cell read, drawn once for all its candidates: a sample of the target's train partition with
 * its labels erased, the {@link HeldOutSource} examples and their density ratios against that sample. {@link #scores}
 * gives each registered validator's score of one fitted candidate, with every test partition sealed.
 */
final class CandidateValidation {
    /** Rows of each sample: enough for a stable mean, few enough that scoring costs little beside a fit. */
    static final int SAMPLE = 500;

    private final Map<String, Validator> validators;
    private final Examples target;
    private final HeldOutSource source;
    private final double[] weights;

    private CandidateValidation(Map<String, Validator> validators, Examples target, HeldOutSource source, double[] weights) {
        this.validators = validators;
        this.target = target;
        this.source = source;
        this.weights = weights;
    }

    /**
     * @param source the cell's source domain, if it has one
     * @param seed   seeds the samples and the domain classifier
     */
    static CandidateValidation of(Map<String, Validator> validators, Optional<Domain> source, Domain target, long seed) {
        Examples unlabelled = target.train().withoutLabels().randomSubset(SAMPLE, seed);
        HeldOutSource held = source.map(s -> HeldOutSource.of(s, target, SAMPLE, seed + 1)).orElse(HeldOutSource.NONE);
        double[] weights = held.present() ? ImportanceWeights.of(held.examples().featureRows(),
                unlabelled.featureRows(), seed + 2) : new double[0];
        return new CandidateValidation(validators, unlabelled, held, weights);
    }

    /** Why validators that read the source have nothing to read; empty when they do. */
    String sourceAbsence() {
        return source.reason();
    }

    /**
     * Every validator's score of {@code fitted}, by name (NaN where it has nothing to score: a model without class
     * probabilities, or a validator of the source where there are no held-out source examples).
     */
    Map<String, Double> scores(String who, Fitted fitted) {
        return SealedTestAccess.sealed("the validators of " + who, () -> {
            Map<String, Double> scores = new LinkedHashMap<>();
            Optional<double[][]> onTarget = fitted.probabilities(target);
            if (onTarget.isEmpty()) {
                validators.keySet().forEach(name -> scores.put(name, Double.NaN));
                return scores;
            }
            ValidationInputs inputs = source.present()
                    ? new ValidationInputs(onTarget.get(), fitted.probabilities(source.examples()).orElseThrow(),
                    source.examples().classes(), weights)
                    : new ValidationInputs(onTarget.get(), new double[0][], new int[0], new double[0]);
            validators.forEach((name, validator) -> scores.put(name, validator.score(inputs)));
            return scores;
        });
    }
}
