package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.model.ModelCard;

/** The input programs the workbench offers. */
public enum ProgramKind {
    PAD("pad", "Padding frame around the resized target (Elsayed et al.; ILM-VP)"),
    FULL("full", "Full-image additive delta in normalised space (ILM-VP additive prompt)"),
    SCALE("scale", "Learnable input scale plus a frame outside the image (AutoVP)"),
    SMM("smm", "Sample-specific masks from a small mask network times one shared delta (SMM)");

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

    /** True when the target fills the whole canvas (no inner size). */
    public boolean fillsCanvas() {
        return this == FULL || this == SMM;
    }

    /** True for the programs with a frame whose activation the user picks (--frame). */
    public boolean hasFrame() {
        return this == PAD || this == SCALE;
    }

    /** Default inner size for a canvas of SIDE pixels: half of it for pad and scale, all of it otherwise. */
    public int defaultInnerSize(int side) {
        return fillsCanvas() ? side : Math.max(1, side / 2);
    }

    public Placement placement(ModelCard card, int innerSize) {
        if (fillsCanvas()) {
            return new Placement(card.channels(), card.height(), card.width(), card.height(), card.width());
        }
        int h = innerSize > 0 ? innerSize : defaultInnerSize(card.height());
        int w = innerSize > 0 ? innerSize : defaultInnerSize(card.width());
        return new Placement(card.channels(), card.height(), card.width(), h, w);
    }

    /** A problem of this program with CARD's canvas, in words with the fix, or null. */
    public String problemWith(ModelCard card) {
        if (this == SMM && (card.height() % SampleMaskProgram.PATCH != 0 || card.width() % SampleMaskProgram.PATCH != 0)) {
            return "program 'smm' needs a canvas whose sides are divisible by " + SampleMaskProgram.PATCH + " (its mask"
                    + " network pools three times), but source model '" + card.name() + "' takes " + card.height() + "x"
                    + card.width() + ". Fix: choose --program pad, full or scale, or a source model with such a canvas";
        }
        return null;
    }

    public InputProgram create(ProgramSetup setup, NDManager manager) {
        return switch (this) {
            case PAD -> new PaddingProgram(setup, manager);
            case FULL -> new FullProgram(setup, manager);
            case SCALE -> new ScaleProgram(setup, manager);
            case SMM -> new SampleMaskProgram(setup, manager);
        };
    }

    public static ProgramKind parse(String s) {
        for (ProgramKind k : values()) {
            if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown program '" + s + "' (use pad, full, scale or smm)");
    }

    @Override
    public String toString() {
        return id;
    }
}
