package org.transferlab.experiments.reproduce.yosinski;

import java.awt.Color;

/**
 * The networks of Yosinski et al.'s Figure 2, with the figure's markers: the base networks, and the
 * networks whose first n layers come from baseA or baseB, frozen (no plus) or fine-tuned (plus), the rest
 * re-initialised and trained on B.
 */
enum Condition {
    // The paper draws baseB as white circles with a black edge; XChart markers have no edge, and white would
    // vanish on the legend's white, so baseB is near-black here.
    BASE_B("baseB", null, false, new Color(0x202020)),
    BNB("BnB", Base.B, true, new Color(0x1F3FBF)),
    BNB_PLUS("BnB+", Base.B, false, new Color(0x8FB8F0)),
    ANB("AnB", Base.A, true, new Color(0xB01818)),
    ANB_PLUS("AnB+", Base.A, false, new Color(0xF29A9A));

    /** Which base network the first layers are copied from. */
    enum Base { A, B }

    final String label;
    final Base source;
    final boolean frozen;
    final Color color;

    Condition(String label, Base source, boolean frozen, Color color) {
        this.label = label;
        this.source = source;
        this.frozen = frozen;
        this.color = color;
    }

    boolean transfers() {
        return source != null;
    }
}
