package org.transferlab.transfer.baseline;

import org.transferlab.transfer.head.TribuoHead;

/**
 * What {@code target-only}, {@code pooled}, {@code augment} and {@code oracle} train from scratch: the study's
 * network, or a classical Tribuo classifier, the baselines researchers compare with on tabular data. A classical
 * model is trained once on the scaled raw features ({@link org.transferlab.transfer.engine.InputScaling}: the
 * training rows' statistics for tabular data, pixels as they are for images), without epochs or early stopping;
 * the budget's validation split only scores it, for candidate selection and the overfitting check. Use them as
 * variants, named alike so the report compares each pooled model with the same model on the target alone:
 * {@code target-only@logistic: {model: logistic}} beside {@code pooled@logistic: {model: logistic}}.
 */
public enum ClassifierModel {
    /** The network of the study's {@code network} section, trained with early stopping (the default). */
    NETWORK,
    /**
     * L2-regularised multinomial logistic regression, LibLinear (Fan et al., "LIBLINEAR", JMLR 2008), with
     * the inverse regularisation strength {@code cost}.
     */
    LOGISTIC,
    /**
     * Gradient-boosted trees, XGBoost (Chen &amp; Guestrin, KDD 2016) through Tribuo: {@code rounds} rounds of
     * depth-6 trees, learning rate 0.3 (XGBoost's defaults).
     */
    XGBOOST;

    /** The Tribuo classifier of a classical model. */
    TribuoHead.Classifier tribuo() {
        return switch (this) {
            case LOGISTIC -> TribuoHead.Classifier.LOGISTIC;
            case XGBOOST -> TribuoHead.Classifier.XGBOOST;
            case NETWORK -> throw new IllegalStateException("the network is not a Tribuo classifier");
        };
    }

    /** Checks the classical models' parameters. */
    static void validate(double cost, int rounds) {
        if (!(cost > 0) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("cost must be a positive number, got " + cost);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
    }

    /** The parameter text of a cell: what this model uses, so a network cell keeps the text (and id) it always had. */
    String describe(String network, String cost, String rounds) {
        return "Parameters[" + switch (this) {
            case NETWORK -> network;
            case LOGISTIC -> "model=logistic, " + cost;
            case XGBOOST -> "model=xgboost, " + rounds;
        } + "]";
    }
}
