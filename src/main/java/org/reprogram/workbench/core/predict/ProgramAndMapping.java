package org.reprogram.workbench.core.predict;

import org.reprogram.workbench.core.mapping.MappingContext;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.InputProgram;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.ProgramSetup;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * A run's program and label mapping rebuilt exactly as training built them (same kinds, canvas,
 * normalisation, frame, seed; see {@code Experiment}) and loaded with a learned state. Close it to
 * free its arrays.
 */
final class ProgramAndMapping implements AutoCloseable {

    private final Placement placement;
    private final NDManager manager;
    private final InputProgram program;
    private final LabelMapping mapping;

    private ProgramAndMapping(Placement placement, NDManager manager, InputProgram program, LabelMapping mapping) {
        this.placement = placement;
        this.manager = manager;
        this.program = program;
        this.mapping = mapping;
    }

    /**
     * RUN's program and mapping for a source model with CARD, in a child of PARENT. A card that is
     * not the one the run was trained with, or a state that does not fit, is a {@link UserInputException}.
     */
    static ProgramAndMapping build(TrainedRun run, ModelCard card, NDManager parent) {
        requireSameModel(run, card);
        RunSpec c = run.config();
        Placement placement = c.programType().placement(card, c.program().settings());
        NDManager manager = parent.newSubManager();
        InputProgram program = null;
        LabelMapping mapping = null;
        try {
            program = c.programType().create(new ProgramSetup(placement, card.mean(), card.std(),
                    c.program().settings(), c.seed()), manager);
            mapping = c.mappingType().create(new MappingContext(card, run.targetClasses(), c.mapping().settings(),
                    c.seed(), run.prompts()), manager);
            program.loadWeights(run.state().program());
            if (run.state().mapping().length != mapping.state().length) {
                throw new IllegalArgumentException("expected " + mapping.state().length + " mapping values, got "
                        + run.state().mapping().length);
            }
            mapping.loadState(run.state().mapping());
            return new ProgramAndMapping(placement, manager, program, mapping);
        } catch (IllegalArgumentException e) {
            manager.close();
            throw UserInputException.forFile(run.origin(), "its saved state does not fit program '" + c.program().id()
                    + "' and mapping '" + c.mapping().id() + "' on source model '" + card.name() + "' ("
                    + e.getMessage() + ")", "the run or bundle is damaged or from another version: export it again"
                    + " from its run folder", e);
        }
    }

    /** The source model at hand must answer with the classes and canvas the run was trained on. */
    private static void requireSameModel(TrainedRun run, ModelCard card) {
        if (card.numClasses() != run.sourceClasses().size()) {
            throw UserInputException.forFile(run.source().location(), "source model '" + card.name() + "' has "
                    + card.numClasses() + " classes, but " + run.name() + " was trained on a model with "
                    + run.sourceClasses().size(), "use the model the run was trained with (or predict from a bundle,"
                    + " which carries it)");
        }
    }

    Placement placement() {
        return placement;
    }

    InputProgram program() {
        return program;
    }

    LabelMapping mapping() {
        return mapping;
    }

    /** The program's and mapping's arrays, attached to each batch scope as the evaluator does. */
    List<NDArray> arrays() {
        List<NDArray> all = new ArrayList<>(program.parameters());
        all.addAll(mapping.parameters());
        return all;
    }

    NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        program.close();
        mapping.close();
        manager.close();
    }
}
