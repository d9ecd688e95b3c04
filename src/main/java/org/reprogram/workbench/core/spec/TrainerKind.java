package org.reprogram.workbench.core.spec;

/** How a reprogramming run trains its program: by gradients through the model, or from queries only. */
public enum TrainerKind {
    /** Backpropagation through the frozen model to its input. */
    WHITEBOX("whitebox", "white-box (gradients)"),
    /** Zeroth-order gradient estimates from the model's outputs only (BAR). */
    BLACKBOX("blackbox", "black-box (queries only)");

    private final String id;
    private final String label;

    TrainerKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** "whitebox" or "blackbox": the CLI, config.json and result.json. */
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
