package org.transferlab.core.budget;

/**
 * How many labelled target examples a cell may use, counted per class or in total. The validation
 * data for early stopping and model selection is carved out of this budget, never added to it.
 *
 * @param kind   {@link Kind#PER_CLASS} (classification only) or {@link Kind#TOTAL}
 * @param amount labels per class, or labels in total; 0 means no target labels at all
 */
public record LabelBudget(Kind kind, int amount) {
    public enum Kind {
        PER_CLASS("per-class"),
        TOTAL("total");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The config key and report label for this kind. */
        public String key() {
            return key;
        }
    }

    public LabelBudget {
        if (kind == null) {
            throw new IllegalArgumentException("budget kind is required");
        }
        if (amount < 0) {
            throw new IllegalArgumentException("a label budget cannot be negative, got " + amount);
        }
    }

    public static LabelBudget perClass(int amount) {
        return new LabelBudget(Kind.PER_CLASS, amount);
    }

    public static LabelBudget total(int amount) {
        return new LabelBudget(Kind.TOTAL, amount);
    }

    /** For tables: {@code 5/class} or {@code 100 total}. */
    public String label() {
        return kind == Kind.PER_CLASS ? amount + "/class" : amount + " total";
    }
}
