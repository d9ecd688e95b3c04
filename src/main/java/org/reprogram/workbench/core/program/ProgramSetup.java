package org.reprogram.workbench.core.program;

import org.reprogram.workbench.core.param.ParameterValues;

/**
 * What a program needs to know to be built.
 *
 * @param placement canvas geometry and the target window
 * @param mean the source model's per-channel normalisation mean (zeros when it normalises itself)
 * @param std the source model's per-channel normalisation std (ones when the model normalises
 *     itself): programs that the authors define in normalised space scale their delta by it, so
 *     that x' = x + std * delta in pixel space is exactly (x - mean) / std + delta after the
 *     source model's normalisation
 * @param settings the program's own settings ({@link ProgramType#parameters()}; defaults where not given)
 * @param seed seeds random initialisation (smm's mask network)
 */
public record ProgramSetup(Placement placement, float[] mean, float[] std, ParameterValues settings, long seed) {

    public ProgramSetup {
        if (settings == null) {
            settings = ParameterValues.empty();
        }
        if (mean == null) {
            mean = new float[placement.channels()];
        }
        if (std == null) {
            std = new float[placement.channels()];
            java.util.Arrays.fill(std, 1f);
        }
        if (std.length != placement.channels() || mean.length != placement.channels()) {
            throw new IllegalArgumentException("mean and std need one value per channel (" + placement.channels() + ")");
        }
    }

    /** A setup without normalisation, tanh frame, scale 1 (tests and simple uses). */
    public static ProgramSetup plain(Placement placement) {
        return new ProgramSetup(placement, null, null,
                ParameterValues.empty().with(FrameSettings.FRAME, FrameActivation.TANH).with(ScaleProgram.INIT_SCALE, 1.0), 0);
    }
}
