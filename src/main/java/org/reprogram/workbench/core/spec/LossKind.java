package org.reprogram.workbench.core.spec;

/** The training loss of a reprogramming run. */
public enum LossKind {
    /** Cross-entropy. */
    CE("ce", "cross-entropy"),
    /** BAR's focal loss (gamma 4, alpha 0.8; see Losses). */
    FOCAL("focal", "focal loss (BAR)");

    private final String id;
    private final String label;

    LossKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** "ce" or "focal". */
    public String id() {
        return id;
    }

    /** The form's words. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return id;
    }
}
