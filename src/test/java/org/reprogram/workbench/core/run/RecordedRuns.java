package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * Run folders for tests, written by the real {@link RunRecorder} (config, info, metrics, history,
 * and at the end result, program.png and mapping files) from made-up epochs, without training:
 * fast, and exactly the layout the CLI and the GUI write.
 */
public final class RecordedRuns {

    /** Source classes of the made-up runs (4), target classes (3). */
    public static final List<String> SOURCES = List.of("shirt", "trouser", "bag", "boot");
    public static final List<String> TARGETS = List.of("zero", "one", "two");

    private RecordedRuns() {}

    /**
     * Records a reprogramming run with CONFIG into DIR: EPOCHS epochs whose values are made from
     * the epoch number and SCALE (val accuracy = SCALE * epoch / EPOCHS, train loss = 2 / epoch,
     * learning rate = lr / epoch, ...). FINISHED: the run ends (result.json, program.png,
     * mapping.json); else it stops as if still training (RUNNING marker, history only).
     * ONE_TO_ONE: the mapping assigns one source per target, else it is a learned weight matrix.
     */
    public static Path reprogram(Path dir, RunSpec config, int epochs, double scale, boolean finished,
            boolean oneToOne) throws IOException {
        RunRecorder rec = new RunRecorder(dir, config);
        rec.onStart(info());
        int[][] assignment = oneToOne ? new int[][] {{3}, {1}, {2}} : null;
        rec.onSnapshot(snapshot(0, 0, assignment, null));
        for (int e = 1; e <= epochs; e++) {
            EpochMetrics m = metrics(e, epochs, scale, config.optimization().lr());
            rec.onSnapshot(snapshot(e, e, assignment, m));
            rec.onEpoch(m);
        }
        if (finished) {
            rec.onFinish(result(config, epochs, scale));
        }
        return dir;
    }

    /** Records a finished baseline run (no program, no mapping files). */
    public static Path baseline(Path dir, RunSpec config, int epochs, double scale) throws IOException {
        RunRecorder rec = new RunRecorder(dir, config);
        rec.onStart(info());
        for (int e = 1; e <= epochs; e++) {
            rec.onEpoch(metrics(e, epochs, scale, config.optimization().lr()));
        }
        TrainingResult r = result(config, epochs, scale);
        rec.onFinish(TrainingResult.builder().status(r.status()).testAccuracy(r.testAccuracy())
                .testLoss(r.testLoss()).bestValAccuracy(r.bestValAccuracy())
                .parameters(1290, r.sourceParameters()).wallSeconds(r.wallSeconds()).epochs(epochs)
                .seed(config.seed()).program("-").mapping("linear-head").trainer("baseline")
                .source(config.source()).target(config.data().target()).device("cpu()").imagesPerSecond(500)
                .peakRssMegabytes(300).method(config.method().id()).testAccuracyAtBestVal(r.testAccuracy())
                .bestEpoch(epochs).build());
        return dir;
    }

    /** Epoch E's made-up figures. */
    public static EpochMetrics metrics(int e, int epochs, double scale, double lr) {
        return new EpochMetrics(e, 2.0 / e, 0.4 + 0.05 * e, 3.0 / e, scale * e / epochs, lr / e, 100, e, 0,
                Double.NaN, null);
    }

    /**
     * A snapshot at EPOCH: a 1x4x4 program whose pixel values grow with the epoch, and mapping
     * weights w[s][t] = (s + 1) * (t + 1) / 10 (the learned mapping's heaviest source is "boot").
     */
    static TrainingSnapshot snapshot(int epoch, long step, int[][] assignment, EpochMetrics m) {
        float[] delta = new float[16];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = (float) Math.sin(i + epoch) * 0.5f;
        }
        float[][] w = new float[SOURCES.size()][TARGETS.size()];
        for (int s = 0; s < w.length; s++) {
            for (int t = 0; t < w[s].length; t++) {
                w[s][t] = assignment != null ? (assignment[t][0] == s ? 1f : 0f) : (s + 1) * (t + 1) / 10f;
            }
        }
        return new TrainingSnapshot(epoch, step, m != null, 1, 4, 4, delta, true, Double.NaN, w, assignment,
                new ArrayList<>(), null, m, null);
    }

    static RunInfo info() {
        return new RunInfo("tiny", SOURCES, "tiny-digits", TARGETS, new Placement(1, 4, 4, 2, 2), 16, 100, "cpu()",
                List.of(), 30, 6, 9, new int[] {0, 1, 2, 3, 4, 5});
    }

    static TrainingResult result(RunSpec c, int epochs, double scale) {
        return TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(scale * 0.9).testLoss(0.5)
                .bestValAccuracy(scale).parameters(16, 100).wallSeconds(1.5).epochs(epochs).seed(c.seed())
                .program(c.program().id()).mapping(c.mapping().id()).trainer(c.trainer().kind().id())
                .source(c.source()).target(c.data().target()).device("cpu()").imagesPerSecond(1000)
                .peakRssMegabytes(300).testAccuracyAtBestVal(scale * 0.9).bestEpoch(epochs).build();
    }
}
