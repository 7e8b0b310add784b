package org.transferlab.transfer.network;

import org.transferlab.transfer.Fitted;

/** The network a network strategy fitted, for tests that inspect its weights or its input scaling. */
final class FittedNetworks {
    private FittedNetworks() {
    }

    static NetworkPredictor predictor(Fitted fitted) {
        if (fitted instanceof Fitted.Classes classes && classes.predictor() instanceof NetworkPredictor network) {
            return network;
        }
        throw new AssertionError("not a fitted network: " + fitted);
    }
}
