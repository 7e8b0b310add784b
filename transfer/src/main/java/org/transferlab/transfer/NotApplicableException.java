package org.transferlab.transfer;

/**
 * Thrown by a strategy that cannot produce a result for a cell by its nature, for example
 * {@code source-only} when the source and target label spaces differ. The harness records the cell as
 * not applicable, with this message, instead of a number.
 */
public final class NotApplicableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotApplicableException(String message) {
        super(message);
    }

    /**
     * For a strategy that learns from the source domain's examples, in a cell whose source has none: a pair
     * whose source is a pretrained model file rather than a domain.
     */
    public static NotApplicableException noSourceExamples() {
        return new NotApplicableException("it learns from source examples, and this cell's source has none "
                + "(a model file brings a network, not data)");
    }
}
