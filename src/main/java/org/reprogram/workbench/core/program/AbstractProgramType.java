package org.reprogram.workbench.core.program;

import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.AbstractMethodType;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;

/** The words and settings of a {@link ProgramType}; the target fills the canvas unless a subclass places it. */
public abstract class AbstractProgramType extends AbstractMethodType implements ProgramType {

    protected AbstractProgramType(String id, String label, String description, String details,
            List<Parameter<?>> parameters) {
        super(id, label, description, details, parameters);
    }

    /** The whole canvas. */
    @Override
    public Placement placement(ModelCard card, ParameterValues settings) {
        return Placement.wholeCanvas(card);
    }

    @Override
    public ProgramLegend legend(boolean signed) {
        return signed ? ProgramLegend.SIGNED_PLAIN : ProgramLegend.UNSIGNED_FRAME;
    }
}
