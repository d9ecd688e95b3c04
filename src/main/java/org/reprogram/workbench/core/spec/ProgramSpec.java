package org.reprogram.workbench.core.spec;

import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;

/**
 * The input program of a run: a registered program's id and its own settings (typed by the
 * parameters the program declares; {@link ProgramType#parameters()}).
 *
 * @param id the program's id ("pad")
 * @param settings its settings; the ones not given read as their defaults
 */
public record ProgramSpec(String id, ParameterValues settings) {

    public ProgramSpec {
        if (settings == null) {
            settings = ParameterValues.empty();
        }
    }

    /** The registered program (an {@link IllegalArgumentException} listing the ids when unknown). */
    public ProgramType type() {
        return ProgramTypes.get(id);
    }
}
