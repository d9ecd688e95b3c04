package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.MethodType;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * An input program the workbench offers, registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.reprogram.workbench.core.program.ProgramType}; {@link ProgramTypes}
 * lists them): its id, words for the help and the form, its own settings, what it cannot do with a
 * given source model, how to build it and how to read its picture; the program it builds states its
 * own plain-array export ({@link InputProgram#interop()}). Adding a program is one class (the program
 * with a nested type) plus that one line; see docs/adding-a-method.md.
 */
public interface ProgramType extends MethodType {

    /** Where the target goes on CARD's canvas with these SETTINGS. */
    Placement placement(ModelCard card, ParameterValues settings);

    /** Why it cannot run on CARD's canvas with SETTINGS (each naming the setting to change), or none. */
    default List<Problem> problems(ModelCard card, ParameterValues settings) {
        return List.of();
    }

    /** The program for SETUP (built from {@link #placement} and the source model). */
    InputProgram create(ProgramSetup setup, NDManager manager);

    /** How to read the program's picture: the value at black, gray and white, and what a pixel does. */
    ProgramLegend legend(boolean signed);
}
