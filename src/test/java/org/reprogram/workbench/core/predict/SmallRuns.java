package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.LearningRateSchedule;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

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
    public static TrainConfig config(String source, Path target, ProgramKind program, MappingKind mapping, String trainer) {
        return new TrainConfig(source, target.toString(), program, 0, mapping, 1, trainer, 3, 32,
                "blackbox".equals(trainer) ? 0.05 : 0.1, LearningRateSchedule.CONSTANT, 0, 5, 6, 0.2, "cpu", 2, 0.05,
                FrameActivation.TANH, TrainConfig.DEFAULT_INIT_SCALE, "ce");
    }

    /** Trains CONFIG into DIR; the run must complete. */
    public static TrainingResult train(TrainConfig config, Path dir) throws Exception {
        TrainingResult r = RunLauncher.run(config, null, dir, new TrainingListener() {}, new TrainingControl(), 0);
        assertEquals("completed", r.status(), r.message());
        return r;
    }
}
