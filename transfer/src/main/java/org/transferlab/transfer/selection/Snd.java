package org.transferlab.transfer.selection;

/**
 * Soft neighbourhood density, SND (Saito, Kim, Teterwak, Sclaroff, Darrell and Saenko, "Tune it the Right Way:
 * Unsupervised Validation of Domain Adaptation via Soft Neighborhood Density", ICCV 2021): the mean entropy of each
 * unlabelled target example's soft neighbourhood in the space of the candidates' L2-normalised probabilities, at the
 * paper's temperature 0.05; higher means target predictions that cluster densely. Reads no source. Registered as
 * {@code snd}.
 */
public final class Snd implements Validator {
    public static final String NAME = "snd";

    @Override
    public String description() {
        return "density of the target's soft neighbourhoods in probability space (SND, Saito et al., ICCV 2021)";
    }

    @Override
    public boolean readsSource() {
        return false;
    }

    @Override
    public double score(ValidationInputs inputs) {
        return inputs.target().length < 2 ? Double.NaN
                : ValidationCriteria.softNeighbourhoodDensity(inputs.target(), ValidationCriteria.SND_TEMPERATURE);
    }
}
