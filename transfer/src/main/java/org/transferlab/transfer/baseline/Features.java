package org.transferlab.transfer.baseline;

import org.transferlab.core.data.Examples;

/** Examples with their features replaced and their targets kept, for strategies that widen the input. */
final class Features {
    private Features() {
    }

    /** {@code examples}' targets with the row-major {@code features}, {@code width} values a row. */
    static Examples replaced(Examples examples, float[] features, int width) {
        return examples.hasClasses() ? Examples.classified(features, width, examples.classes())
                : Examples.valued(features, width, examples.values());
    }
}
