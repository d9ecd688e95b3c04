package org.reprogram.workbench.ui.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.study.StudySpec;

/**
 * The form's spec text read back by the study spec reader: the base run comes back as it was (but
 * its threads, which the study's backend sets), every field's problem is placed under that field,
 * the estimate's arithmetic, and the UI throttle's rate.
 */
class StudyDraftTest {

    @TempDir
    Path tmp;

    private static RunSpec base() {
        return RunSpec.demo(TestPaths.digits().toString()).with(Settings.SHOTS, 10).with(Settings.THREADS, 3);
    }

    private static StudyDraft draft(Map<String, String> varied, String seeds, String minIter) {
        return new StudyDraft("it's a test", base(), varied, seeds, List.of(Method.LINEAR_PROBE, Method.SCRATCH), false,
                "8", true, minIter, "3");
    }

    @Test
    void theBaseComesBackAsTheSetupHadItAndTheSweepAsTyped() throws Exception {
        Map<String, String> varied = new LinkedHashMap<>();
        varied.put("mapping", "flm, ilm");
        varied.put("optimization.lr", " 0.01,0.05 ,");
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, draft(varied, "2", "5").yaml().text());
        StudySpec spec = StudySpec.read(f);
        RunSpec threadsAsDefault = base().with(Settings.THREADS, ParameterRegistry.defaults(Method.REPROGRAM).resources()
                .threads());
        assertEquals(threadsAsDefault, spec.base());
        assertEquals("it's a test", spec.name());
        assertEquals(List.of(0L, 1L), spec.seeds());
        assertEquals(List.of(Method.LINEAR_PROBE, Method.SCRATCH), spec.baselines());
        assertEquals(List.of("mapping", "optimization.lr"), spec.parameters().stream().map(p -> p.id()).toList());
        assertEquals(2, spec.parameters().get(1).values().size());
        assertEquals(5, spec.earlyTerminate().minIter());
        assertEquals(2 * 2 * 2 + 2 * 2, spec.trials().size()); // 4 configurations x 2 seeds + 2 baselines x 2 seeds
    }

    @Test
    void eachProblemIsPlacedUnderItsField() throws Exception {
        RunStore runs = new RunStore(tmp.resolve("runs"));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("mapping", "flm, nope");
        StudyCheck c = StudyCheck.of(draft(bad, "2", "5"), runs, 2);
        assertEquals(StudyDraft.param("mapping"), c.field(), c.error());
        assertTrue(c.error().startsWith("error: ") && c.error().contains("nope"), c.error());

        StudyCheck seeds = StudyCheck.of(draft(Map.of("mapping", "flm"), "0", "5"), runs, 2);
        assertEquals(StudyDraft.SEEDS, seeds.field(), seeds.error());
        StudyCheck halving = StudyCheck.of(draft(Map.of("mapping", "flm"), "1", "x"), runs, 2);
        assertEquals(StudyDraft.HALVING, halving.field(), halving.error());
        StudyCheck none = StudyCheck.of(draft(Map.of(), "1", "5"), runs, 2);
        assertEquals(StudyDraft.PARAMETERS, none.field(), none.error());
        StudyCheck empty = StudyCheck.of(draft(Map.of("mapping", " , "), "1", "5"), runs, 2);
        assertEquals(StudyDraft.param("mapping"), empty.field(), empty.error());
    }

    @Test
    void theEstimateIsTrialsTimesEpochsTimesSecondsOverTrialsAtOnce() throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, new StudyDraft("e", RunSpec.defaults(TestPaths.digits().toString())
                .with(Settings.EPOCHS, 3), Map.of("mapping", "flm, ilm"), "2", List.of(), false, "", false, "", "")
                .yaml().text());
        StudySpec spec = StudySpec.read(f);
        assertEquals("4 trials x 3 epochs x 2.5 s per epoch / 2 at once ≈ 15 s",
                StudyCheck.estimate(spec.trials(), spec, OptionalDouble.of(2.5), 2));
        assertTrue(StudyCheck.estimate(spec.trials(), spec, OptionalDouble.of(2.5), 0).startsWith(
                "4 trials x 3 epochs x 2.5 s per epoch = 30 s of trial time"));
        assertTrue(StudyCheck.estimate(spec.trials(), spec, OptionalDouble.empty(), 2).contains(
                "unknown until the first trial finishes"));
    }

    @Test
    void theEstimateMeasuresAnEpochOfTheLastFinishedRunOfTheSameSourceAndTarget() throws Exception {
        RunStore runs = new RunStore(tmp.resolve("runs"));
        RunSpec base = RunSpec.defaults(TestPaths.digits().toString()).with(Settings.SHOTS, 10).with(Settings.EPOCHS, 1)
                .with(Settings.THREADS, 1);
        Map<String, String> varied = Map.of("mapping", "flm, ilm");
        StudyDraft draft = new StudyDraft("m", base, varied, "1", List.of(), false, "", false, "", "");
        assertTrue(StudyCheck.of(draft, runs, 2).estimate().contains("unknown until the first trial finishes"));
        org.reprogram.workbench.core.train.TrainingResult r = org.reprogram.workbench.core.run.RunLauncher.run(base,
                null, runs.newRunDir(base), new org.reprogram.workbench.core.train.TrainingListener() { },
                new org.reprogram.workbench.core.train.TrainingControl(), 0);
        String perEpoch = String.format(java.util.Locale.ROOT, "%.1f s per epoch", r.wallSeconds() / r.epochs());
        String estimate = StudyCheck.of(draft, runs, 2).estimate();
        assertTrue(estimate.startsWith("2 trials x 1 epoch x " + perEpoch + " / 2 at once ≈ "), estimate);
        StudyDraft other = new StudyDraft("m", base.with(Settings.TARGET, tmp.toString()), varied, "1", List.of(), false,
                "", false, "", "");
        assertTrue(StudyCheck.secondsPerEpoch(runs, other.base()).isEmpty(), "another target's runs do not count");
    }

    @Test
    void theThrottleMergesRequestsToAtMostTenUpdatesASecondAndDeliversTheLast() throws Exception {
        List<Long> runs = new CopyOnWriteArrayList<>();
        AtomicInteger latest = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        UiThrottle t = new UiThrottle(Runnable::run, 100, () -> {
            runs.add(System.nanoTime());
            seen.set(latest.get());
        });
        long start = System.nanoTime();
        for (int i = 1; i <= 2000; i++) {
            latest.set(i);
            t.request();
            Thread.sleep(0, 500_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(300);
        assertEquals(2000, seen.get(), "the newest state arrives");
        assertTrue(runs.size() <= Math.ceil(seconds * 10) + 2, runs.size() + " updates in " + seconds + " s");
        for (int i = 1; i < runs.size(); i++) {
            assertTrue(runs.get(i) - runs.get(i - 1) >= 95_000_000L, "updates at least 100 ms apart");
        }
    }
}
