package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.TestSpecs;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * Short real runs (about a second each with the tiny TorchScript model) on the sample digits,
 * written to run folders, for the prediction tests.
 */
public final class SmallRuns {

    /** The 16x16, 5-class TorchScript fixture (tiny_cnn.pt with its sidecar). */
    public static final Path TINY = TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt");

    private SmallRuns() {}

    /**
     * The sample digits 0-4 (train and test, 5 classes like the tiny model, so that every mapping
     * fits) copied into DIR; returns the dataset folder.
     */
    public static Path digits5(Path dir) throws java.io.IOException {
        Path root = dir.resolve("digits5");
        for (String split : new String[] {"train", "test"}) {
            for (int d = 0; d < 5; d++) {
                Path from = TestPaths.digits().resolve(split).resolve(Integer.toString(d));
                Path to = java.nio.file.Files.createDirectories(root.resolve(split).resolve(Integer.toString(d)));
                try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(from)) {
                    for (Path f : files.toList()) {
                        java.nio.file.Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
            }
        }
        return root;
    }

    /** A run of PROGRAM + MAPPING with TRAINER from SOURCE to TARGET: 6 shots per class, 3 epochs, validation 20 %. */
    public static RunSpec config(String source, Path target, String program, String mapping, String trainer) {
        TrainerKind kind = "blackbox".equals(trainer) ? TrainerKind.BLACKBOX : TrainerKind.WHITEBOX;
        RunSpec s = TestSpecs.programAndMapping(RunSpec.defaults(target.toString()), program, 0, mapping)
                .with(Settings.SOURCE, source).with(Settings.TRAINER, kind).with(Settings.EPOCHS, 3)
                .with(Settings.SCHEDULE, LearningRateSchedule.CONSTANT).with(Settings.SHOTS, 6)
                .with(Settings.VAL_FRACTION, 0.2).with(Settings.DEVICE, "cpu").with(Settings.QUERY_DIRECTIONS, 2)
                .with(Settings.SMOOTHING, 0.05).withValue(ParameterRegistry.get("program.frame"), FrameActivation.TANH);
        return TestSpecs.optimization(s, 32, kind == TrainerKind.BLACKBOX ? 0.05 : 0.1, 5);
    }

    /** Trains CONFIG into DIR; the run must complete. */
    public static TrainingResult train(RunSpec config, Path dir) throws Exception {
        TrainingResult r = RunLauncher.run(config, null, dir, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals(RunStatus.COMPLETED, r.status(), r.message());
        return r;
    }
}
