package org.transferlab.transfer.adaptation;

/**
 * The gradient-reversal layer of DANN (Ganin, Ustinova, Ajakan, Germain, Larochelle, Laviolette, Marchand &amp;
 * Lempitsky, "Domain-Adversarial Training of Neural Networks", JMLR 2016): the identity on the way forward, and on
 * the way back the incoming gradient times -λ, so the feature extractor ascends the domain classifier's loss that
 * the classifier descends. λ follows the paper's schedule λ_p = 2 / (1 + e^{-γ p}) - 1 over training progress
 * p ∈ [0, 1], γ = 10: 0 at the start, near 1 at the end.
 */
public final class GradientReversal {
    private GradientReversal() {
    }

    /** The gradient passed to the layer below: -λ times {@code incoming}. */
    public static double[][] backward(double[][] incoming, double lambda) {
        double[][] reversed = new double[incoming.length][];
        for (int i = 0; i < incoming.length; i++) {
            reversed[i] = new double[incoming[i].length];
            for (int j = 0; j < reversed[i].length; j++) {
                reversed[i][j] = -lambda * incoming[i][j];
            }
        }
        return reversed;
    }

    /** The paper's λ at progress {@code p} (clamped to [0, 1]) with γ = {@code gamma}. */
    public static double lambda(double p, double gamma) {
        double progress = Math.min(1, Math.max(0, p));
        return 2 / (1 + Math.exp(-gamma * progress)) - 1;
    }
}
