package org.reprogram.workbench.core;

import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/**
 * Shorthands for the run specifications tests build again and again: a program with its inner size
 * and a mapping, batch size with learning rate and seed, sources per class, a frame program's own
 * settings. Each is a chain of {@code with} calls, nothing more.
 */
public final class TestSpecs {

    private TestSpecs() {}

    /** SPEC with program PROGRAM ("pad"), inner size INNER and mapping MAPPING ("ilm"). */
    public static RunSpec programAndMapping(RunSpec spec, String program, int inner, String mapping) {
        return spec.with(Settings.PROGRAM, program).with(Settings.MAPPING, mapping)
                .withValue(ParameterRegistry.get("program.inner_size"), inner);
    }

    /** SPEC with batch size BATCH, learning rate LR and seed SEED. */
    public static RunSpec optimization(RunSpec spec, int batch, double lr, long seed) {
        return spec.with(Settings.BATCH_SIZE, batch).with(Settings.LR, lr).with(Settings.SEED, seed);
    }

    /** SPEC with N source classes per target class (random and bar mappings). */
    public static RunSpec sourcesPerClass(RunSpec spec, int n) {
        return spec.withValue(ParameterRegistry.get("mapping.sources_per_class"), n);
    }

    /** The settings of a frame program: activation FRAME and initial scale INITSCALE (scale program). */
    public static ParameterValues programSettings(FrameActivation frame, double initScale) {
        return ParameterValues.empty().with(FrameSettings.FRAME, frame).with(ScaleProgram.INIT_SCALE, initScale);
    }
}
