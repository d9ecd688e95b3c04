package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.model.ModelCard;

/** The input programs the workbench offers. */
public enum ProgramKind {
    PAD("pad", "Padding frame around the resized target (Elsayed et al.)"),
    FULL("full", "Full-image additive delta, clipped to [0, 1]");

    private final String id;
    private final String description;

    ProgramKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Default inner size for a canvas of SIDE pixels: half of it for pad, all of it for full. */
    public int defaultInnerSize(int side) {
        return this == PAD ? Math.max(1, side / 2) : side;
    }

    public Placement placement(ModelCard card, int innerSize) {
        if (this == FULL) {
            return new Placement(card.channels(), card.height(), card.width(), card.height(), card.width());
        }
        int h = innerSize > 0 ? innerSize : defaultInnerSize(card.height());
        int w = innerSize > 0 ? innerSize : defaultInnerSize(card.width());
        return new Placement(card.channels(), card.height(), card.width(), h, w);
    }

    public InputProgram create(Placement placement, NDManager manager) {
        return this == PAD ? new PaddingProgram(placement, manager) : new FullProgram(placement, manager);
    }

    public static ProgramKind parse(String s) {
        for (ProgramKind k : values()) {
            if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown program '" + s + "' (use pad or full)");
    }

    @Override
    public String toString() {
        return id;
    }
}
