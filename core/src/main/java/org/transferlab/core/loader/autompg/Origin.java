package org.transferlab.core.loader.autompg;

import java.util.Arrays;
import java.util.Optional;

/** Where a car of the Auto MPG data was made: the data's three regions, as its {@code Origin} field spells them. */
public enum Origin {
    USA("USA"),
    EUROPE("Europe"),
    JAPAN("Japan");

    private final String label;

    Origin(String label) {
        this.label = label;
    }

    /** The spelling in the data file. */
    public String label() {
        return label;
    }

    /** The origin spelled {@code text}, ignoring case. */
    public static Optional<Origin> parse(String text) {
        return Arrays.stream(values()).filter(o -> o.label.equalsIgnoreCase(text.strip())).findFirst();
    }

    /** "USA, Europe, Japan": for error messages. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(Origin::label).toList());
    }
}
