package org.reprogram.workbench.core.program;

import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * A program that puts the target in a window inside a learned frame (pad, scale): placed by its
 * inner size ({@link FrameSettings}), refused when the window does not fit the canvas, and read with
 * the frame legends.
 */
public abstract class FramedProgramType extends AbstractProgramType {

    protected FramedProgramType(String id, String label, String description, String details,
            List<Parameter<?>> parameters) {
        super(id, label, description, details, parameters);
    }

    @Override
    public Placement placement(ModelCard card, ParameterValues settings) {
        return FrameSettings.placement(card, settings);
    }

    @Override
    public List<Problem> problems(ModelCard card, ParameterValues settings) {
        return FrameSettings.problems(card, settings);
    }

    @Override
    public ProgramLegend legend(boolean signed) {
        return signed ? ProgramLegend.SIGNED_FRAME : ProgramLegend.UNSIGNED_FRAME;
    }
}
