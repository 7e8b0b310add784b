package org.transferlab.experiments.run;

import org.transferlab.core.TransferLabException;
import org.transferlab.core.data.Domain;
import org.transferlab.core.data.FeatureShape;
import org.transferlab.experiments.config.DomainEntry;
import org.transferlab.experiments.config.ModelEntry;
import org.transferlab.transfer.pretrained.ModelFile;

/**
 * Checks, once a target is loaded and before anything trains, that a model file can read the target's
 * examples: a flat network needs as many features as it has inputs, an image network the same channels,
 * height and width. Its classes may differ from the target's: strategies put a new head on it.
 */
final class ModelInputs {
    private ModelInputs() {
    }

    static void check(String configFile, ModelEntry model, DomainEntry target, Domain targetData) {
        FeatureShape expected = model.model().inputShape();
        FeatureShape actual = targetData.shape();
        boolean fits = expected.isImage() ? expected.equals(actual) : expected.size() == actual.size();
        if (!fits) {
            throw new TransferLabException(configFile + ":" + model.line() + ": model '" + model.name() + "' ("
                    + model.model().file() + ") takes inputs of " + ModelFile.describe(expected) + ", but target '"
                    + target.name() + "' (line " + target.line() + ") has features of " + ModelFile.describe(actual)
                    + "; a model file can only be the source of targets whose features it was trained on");
        }
    }
}
