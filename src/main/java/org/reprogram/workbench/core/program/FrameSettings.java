package org.reprogram.workbench.core.program;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ValueType;

/** The settings of the programs that put the target in a window inside a learned frame (pad, scale). */
public final class FrameSettings {

    private FrameSettings() {}

    public static final Parameter<Integer> INNER_SIZE = Parameter.of("program.inner_size",
            ValueType.integer(0, Integer.MAX_VALUE)).key("innerSize").label("Inner size").unit("px")
            .help("side of the target image inside the source model's canvas (0 = half the canvas); the rest is"
                    + " the learned frame").defaultValue(0).zeroReads("auto").build();

    public static final Parameter<FrameActivation> FRAME = Parameter.of("program.frame",
            ValueType.choice(FrameActivation.class, FrameActivation::id)).key("frame").label("Frame activation").column("frame")
            .help("tanh: frame values -1..1 added to the black padding (Elsayed et al.); sigmoid: values 0..1,"
                    + " a valid mid-gray image from the start (ILM-VP, AutoVP)")
            .defaultValue(FrameActivation.DEFAULT).build();

    /** The target resized to the inner size (0: half of each side) and centred. */
    public static Placement placement(ModelCard card, ParameterValues settings) {
        int inner = settings.get(INNER_SIZE);
        int h = inner > 0 ? inner : Math.max(1, card.height() / 2);
        int w = inner > 0 ? inner : Math.max(1, card.width() / 2);
        return new Placement(card.channels(), card.height(), card.width(), h, w);
    }

    /** An inner size INNER that leaves no frame on CARD's canvas (the form refuses it from the canvas side up). */
    public static Problem noFrame(ModelCard card, int inner) {
        int side = Math.min(card.height(), card.width());
        return Problem.of(INNER_SIZE, "{} " + inner + " leaves no frame on " + card.height() + "×" + card.width()
                + ": use 1 … " + (side - 1) + " (0 = " + side / 2 + ")", null);
    }

    /** An inner size larger than CARD's canvas. */
    public static List<Problem> problems(ModelCard card, ParameterValues settings) {
        List<Problem> p = new ArrayList<>();
        int side = Math.min(card.height(), card.width());
        int inner = settings.get(INNER_SIZE);
        if (inner > side) {
            p.add(noFrame(card, inner));
        }
        return p;
    }
}
