package org.reprogram.workbench.core.program;

import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;

/** The words and settings of a {@link ProgramType}; the target fills the canvas unless a subclass places it. */
public abstract class AbstractProgramType implements ProgramType {

    private final String id;
    private final String label;
    private final String description;
    private final String details;
    private final List<Parameter<?>> parameters;

    protected AbstractProgramType(String id, String label, String description, String details,
            List<Parameter<?>> parameters) {
        this.id = id;
        this.label = label;
        this.description = description;
        this.details = details;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String details() {
        return details;
    }

    @Override
    public final List<Parameter<?>> parameters() {
        return parameters;
    }

    /** The whole canvas. */
    @Override
    public Placement placement(ModelCard card, ParameterValues settings) {
        return new Placement(card.channels(), card.height(), card.width(), card.height(), card.width());
    }

    @Override
    public ProgramLegend legend(boolean signed) {
        return signed ? ProgramLegend.SIGNED_PLAIN : ProgramLegend.UNSIGNED_FRAME;
    }

    @Override
    public String toString() {
        return id;
    }
}
