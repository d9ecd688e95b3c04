package org.reprogram.workbench.core.train;

/**
 * A copy of the learned state (program values and mapping state) at the end of an epoch, as
 * plain arrays; used to report the test accuracy of the best validation epoch.
 *
 * @param epoch the epoch it was taken after (-1: not an epoch end)
 * @param program the program's {@link org.reprogram.workbench.core.program.InputProgram#weights()}
 * @param mapping the mapping's {@link org.reprogram.workbench.core.mapping.LabelMapping#state()}
 */
public record Checkpoint(int epoch, float[] program, float[] mapping) {

    public static Checkpoint of(Experiment exp, int epoch) {
        return new Checkpoint(epoch, exp.program().weights(), exp.mapping().state());
    }

    /** Puts this state back into EXP's program and mapping. */
    public void restore(Experiment exp) {
        exp.program().loadWeights(program);
        exp.mapping().loadState(mapping);
    }
}
