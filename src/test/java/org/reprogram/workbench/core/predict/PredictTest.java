package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * Predicting a finished run's test images (its target's test folder, the run's test split) gives
 * exactly the test accuracy the run recorded: with the best-validation state its
 * {@code testAccuracyAtBestVal}, with the final state its {@code testAccuracy} and the very same
 * confusion matrix. Every program, every mapping, both trainers, the built-in and a TorchScript
 * source. Exact equality (no tolerance): the predictor runs the evaluator's code path with the
 * same batches.
 */
class PredictTest {

    @TempDir
    static Path shared;

    private static Path digits5;

    @BeforeAll
    static void data() throws Exception {
        digits5 = SmallRuns.digits5(shared);
    }

    @ParameterizedTest(name = "{0} + {1}, {2}")
    @CsvSource({"pad, ilm, whitebox", "full, linear, whitebox", "scale, blm, whitebox", "smm, flm, whitebox",
        "pad, bar, blackbox", "full, random, whitebox", "scale, blm+, whitebox"})
    void predictingTheTestSplitReproducesTheRecordedTestAccuracy(String program, String mapping, String trainer,
            @TempDir Path tmp) throws Exception {
        assertReproduces(SmallRuns.config(SmallRuns.TINY.toString(), digits5, program,
                mapping, trainer), digits5.resolve("test"), tmp);
    }

    @Test
    void builtInSourceReproducesToo(@TempDir Path tmp) throws Exception {
        assertReproduces(SmallRuns.config("builtin", TestPaths.digits(), "pad", "ilm", "whitebox"),
                TestPaths.digits().resolve("test"), tmp);
    }

    private static void assertReproduces(org.reprogram.workbench.core.spec.RunSpec config, Path test, Path tmp)
            throws Exception {
        Path run = tmp.resolve("run");
        TrainingResult result = SmallRuns.train(config, run);
        try (Predictor best = Predictor.open(run, StateChoice.BEST, "cpu")) {
            assertEquals(StateChoice.BEST, best.run().choice());
            assertEquals(result.bestEpoch(), best.run().state().epoch());
            List<Prediction> ps = best.predict(ImageInputs.expand(List.of(test), best.targetClasses()), 1, false);
            assertEquals(java.util.Arrays.stream(result.testConfusion()).flatMapToInt(java.util.Arrays::stream).sum(),
                    ps.size(), "as many images as the run's test split");
            assertEquals(result.testAccuracyAtBestVal(), accuracy(ps), 0.0, "accuracy with the best state");
            assertEquals(result.testAccuracyAtBestVal(), best.run().testAccuracy(), 0.0);
        }
        try (Predictor last = Predictor.open(run, StateChoice.FINAL, "cpu")) {
            assertEquals(CheckpointFile.read(run).current().epoch(), last.run().state().epoch());
            List<Prediction> ps = last.predict(ImageInputs.expand(List.of(test), last.targetClasses()), 3, false);
            assertEquals(result.testAccuracy(), accuracy(ps), 0.0, "accuracy with the final state");
            int kt = last.targetClasses().size();
            int[][] confusion = new int[kt][kt];
            for (Prediction p : ps) {
                assertEquals(3, p.top().size());
                assertTrue(p.top().get(0).probability() >= p.top().get(1).probability());
                confusion[p.trueClass()][p.predicted()]++;
            }
            assertArrayEquals(result.testConfusion(), confusion, "the recorded test confusion matrix");
        }
    }

    static double accuracy(List<Prediction> ps) {
        assertFalse(ps.stream().anyMatch(p -> !p.ok()));
        long labelled = ps.stream().filter(p -> p.trueClass() >= 0).count();
        assertEquals(ps.size(), labelled, "every test image's folder names its class");
        return (double) ps.stream().filter(Prediction::correct).count() / labelled;
    }

    /** The programmed input is the canvas the source saw, clipped to [0, 1]; a drawing in memory is predicted like its file. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"pad", "smm"})
    void programmedInputIsKeptForDisplay(String program, @TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        SmallRuns.train(SmallRuns.config(SmallRuns.TINY.toString(), digits5, program,
                "ilm", "whitebox"), run);
        try (Predictor p = Predictor.open(run, null, "cpu")) {
            Path image;
            try (var files = Files.list(digits5.resolve("test/3"))) {
                image = files.sorted().findFirst().orElseThrow();
            }
            Prediction one = p.predict(ImageInputs.expand(List.of(image), p.targetClasses()), 2, true).get(0);
            assertEquals(3, one.trueClass());
            float[] x = one.programmed();
            assertNotNull(x);
            assertEquals(3 * 16 * 16, x.length);
            assertEquals(3, one.channels());
            assertEquals(16, one.height());
            assertEquals(16, one.width());
            boolean changed = false;
            float[] placed = new float[x.length];
            p.placement().place(ImageDecoder.read(image), placed, 0);
            for (int i = 0; i < x.length; i++) {
                assertTrue(x[i] >= 0 && x[i] <= 1, "clipped for display: " + x[i]);
                changed |= Math.abs(x[i] - Math.min(1, Math.max(0, placed[i]))) > 1e-4;
            }
            assertTrue(changed, "the program changed the canvas");
            Prediction drawing = p.predict("drawing", ImageDecoder.read(image), 2);
            assertEquals(one.predicted(), drawing.predicted());
            assertEquals(one.probability(), drawing.probability(), 0.0);
            assertArrayEquals(x, drawing.programmed());
            assertEquals(-1, drawing.trueClass());
            assertEquals("drawing", drawing.name());
        }
    }
}
