package org.reprogram.workbench.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunFolderLock;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * The study driver on an in-process backend (the Spark backend has its own tests): every trial
 * placed once, results equal to the same run trained alone, successive halving continuing promoted
 * trials from their checkpoints, and a cancelled (or killed) driver resumed without rerunning what
 * is done.
 */
class StudyRunnerTest {

    @TempDir
    Path tmp;

    private Path spec(String parameters, String extra) throws Exception {
        Path f = tmp.resolve("spec.yaml");
        Files.writeString(f, """
                name: runner-test
                method: grid
                base:
                  source: builtin
                  data.target: %s
                  data.shots: 10
                  optimization.epochs: %s
                parameters:
                %s
                %s
                """.formatted(TestPaths.root().resolve("sample-data/digits"), extra.contains("epochs3") ? "3" : "2",
                parameters.indent(2).stripTrailing(), extra.replace("epochs3", "")));
        return f;
    }

    private static TrainingResult alone(Trial t, Path dir) throws Exception {
        return RunLauncher.run(t.spec().with(Settings.THREADS, 1), null, dir, new TrainingListener() { },
                new TrainingControl(), 0);
    }

    private static RunRecord run(StudyFolder f, Trial t) {
        return RunStore.load(f.runDir(t.id()), false);
    }

    @Test
    void everyTrialIsPlacedOnceAndEqualsTheSameRunTrainedAlone() throws Exception {
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), spec("mapping:\n  values: [flm, ilm]", "seeds: [0, 1]"));
        List<Trial> trials = folder.spec().trials();
        assertEquals(4, trials.size());
        Trial retried = trials.get(1);
        try (InProcessBackend backend = new InProcessBackend(2, t -> t.trialId().equals(retried.id()))) {
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(folder, backend, null).run());
            assertEquals(4, backend.submitted.get());
            assertEquals(5, backend.attempts.get()); // one retried
        }
        for (Trial t : trials) {
            RunRecord r = run(folder, t);
            assertEquals("completed", r.status(), t.id());
            assertEquals(t.spec().data().target(), r.config().data().target()); // paths as the study names them
            assertEquals(2, r.metrics().size());
        }
        for (Trial t : List.of(trials.get(0), retried)) {
            TrainingResult a = alone(t, tmp.resolve("alone-" + t.id()));
            TrainingResult s = run(folder, t).result();
            assertEquals(a.testAccuracy(), s.testAccuracy(), t.id());
            assertEquals(a.bestValAccuracy(), s.bestValAccuracy(), t.id());
        }
        assertEquals(trials.stream().map(Trial::id).toList(), folder.trialStates().stream()
                .filter(TrialRecord::completed).map(s -> s.trial().id()).toList());
    }

    @Test
    void halvingPromotesTheBestByValidationAndContinuesThemFromTheirCheckpoints() throws Exception {
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), spec("optimization.lr:\n  values: [0.0005, 0.005, 0.05, 0.5]",
                "epochs3\nseeds: [0]\nearly_terminate:\n  type: hyperband\n  min_iter: 1\n  eta: 2"));
        HalvingSchedule schedule = HalvingSchedule.of(folder.spec());
        assertEquals(List.of(1, 2, 3), schedule.rungs());
        Map<String, Integer> epochsSeen = new HashMap<>();
        try (InProcessBackend backend = new InProcessBackend(2)) {
            StudyListener counting = new StudyListener() {
                @Override
                public void onTrialEpoch(String trialId, EpochMetrics m) {
                    synchronized (epochsSeen) {
                        epochsSeen.merge(trialId, 1, Integer::sum);
                    }
                }
            };
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(folder, backend, counting).run());
            assertEquals(4 + 2 + 1, backend.submitted.get());
            long continued = backend.tasks.stream().filter(TrialTask::continues).count();
            assertEquals(3, continued); // rung 1: two continue; rung 2: one
        }
        List<TrialRecord> states = folder.trialStates();
        HalvingSchedule.Plan plan = schedule.plan(states, folder.spec().metric());
        assertTrue(plan.done());
        assertEquals(3, plan.halted().size());
        // epochs trained once each: 4 x 1 + 2 x 1 + 1 x 1, against 4 x 3 for the full grid
        assertEquals(7, epochsSeen.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(7, states.stream().mapToInt(TrialRecord::epochsDone).sum());
        // rung 0 promoted the two best validation accuracies after epoch 1
        HalvingSchedule.Rung first = plan.rungs().get(0);
        double worstPromoted = first.promoted().stream().mapToDouble(k -> metric(states, k, 1)).min().orElseThrow();
        first.in().stream().filter(k -> !first.promoted().contains(k))
                .forEach(k -> assertTrue(metric(states, k, 1) <= worstPromoted, k.toString()));
        TrialRecord winner = states.stream().filter(TrialRecord::completed).findFirst().orElseThrow();
        assertEquals(3, winner.epochsDone());
        states.stream().filter(s -> !s.completed()).forEach(s -> {
            assertEquals("interrupted", s.status());
            assertTrue(s.epochsDone() == 1 || s.epochsDone() == 2);
        });
        // continued from its checkpoints, the winner is exactly the run trained without pauses
        TrainingResult a = alone(winner.trial(), tmp.resolve("alone"));
        RunRecord w = winner.run();
        assertEquals(a.testAccuracy(), w.result().testAccuracy());
        List<EpochMetrics> alone = RunStore.load(tmp.resolve("alone"), false).metrics();
        for (int i = 0; i < 3; i++) {
            assertEquals(alone.get(i).valAccuracy(), w.metrics().get(i).valAccuracy(), "epoch " + (i + 1));
            assertEquals(alone.get(i).trainLoss(), w.metrics().get(i).trainLoss(), "epoch " + (i + 1));
        }
        StudyResults results = StudyResultsReader.read(folder);
        assertEquals(7, results.budget().spent());
        assertEquals(12, results.budget().full());
        assertEquals(1, results.statistics().leaderboard().size());
        assertEquals(3, results.statistics().leftOut().size());
    }

    private static double metric(List<TrialRecord> states, ConfigurationKey k, int epoch) {
        return states.stream().filter(s -> s.trial().configurationKey().equals(k)).findFirst().orElseThrow()
                .metricUpTo(epoch, Metric.DEFAULT);
    }

    @Test
    void aResumedStudyRunsOnlyWhatIsLeftAndKeepsWhatIsDone() throws Exception {
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), spec("mapping:\n  values: [flm, ilm]", "seeds: [0, 1]"));
        AtomicInteger back = new AtomicInteger();
        try (InProcessBackend backend = new InProcessBackend(1)) {
            StudyRunner[] runner = new StudyRunner[1];
            runner[0] = new StudyRunner(folder, backend, new StudyListener() {
                @Override
                public void onMessage(String line) {
                    if (line.startsWith("trial ") && back.incrementAndGet() == 1) {
                        runner[0].cancel();
                    }
                }
            });
            assertEquals(StudyRunner.Ending.CANCELLED, runner[0].run());
        }
        Map<String, byte[]> done = new HashMap<>();
        for (TrialRecord s : folder.trialStates()) {
            if (s.run() != null) {
                done.put(s.trial().id(), Files.readAllBytes(folder.runDir(s.trial().id()).resolve(RunFiles.RESULT)));
            }
        }
        assertTrue(!done.isEmpty() && done.size() < 4, done.keySet().toString());
        StudyFolder again = StudyFolder.open(folder.dir());
        try (InProcessBackend backend = new InProcessBackend(2)) {
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(again, backend, null).run());
            assertEquals(4 - done.size(), backend.submitted.get());
            backend.tasks.forEach(t -> assertTrue(!done.containsKey(t.trialId()), t.trialId()));
        }
        for (Map.Entry<String, byte[]> e : done.entrySet()) {
            assertEquals(new String(e.getValue()), Files.readString(again.runDir(e.getKey()).resolve(RunFiles.RESULT)));
        }
        assertEquals(4, again.trialStates().stream().filter(TrialRecord::completed).count());
    }

    @Test
    void baselinesTrainAsTheBaselineCommandDoesAndAreComparedPairedBySeed() throws Exception {
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), spec("mapping:\n  values: [linear]",
                "seeds: [0, 1]\nbaselines: [linear-probe, scratch]"));
        try (InProcessBackend backend = new InProcessBackend(2)) {
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(folder, backend, null).run());
        }
        for (Trial t : folder.spec().trials()) {
            RunRecord r = run(folder, t);
            assertEquals("completed", r.status(), t.id());
            assertEquals(t.spec().method().id(), r.method(), t.id());
            assertEquals(t.isBaseline(), !Files.exists(folder.runDir(t.id()).resolve(RunFiles.PROGRAM_PNG)), t.id());
        }
        for (Trial t : folder.spec().trials().stream().filter(Trial::isBaseline).filter(t -> t.seed() == 1).toList()) {
            Path alone = tmp.resolve("alone-" + t.id());
            TrainingResult a = org.reprogram.workbench.core.run.Baselines.run(t.spec().with(Settings.THREADS, 1),
                    () -> alone, new TrainingListener() { }, new TrainingControl());
            RunRecord s = run(folder, t);
            assertEquals(a.testAccuracy(), s.result().testAccuracy(), t.spec().method().id());
            assertEquals(a.epochs(), s.result().epochs(), t.spec().method().id());
        }
        StudyStatistics stats = StudyResultsReader.read(folder).statistics();
        assertEquals(3, stats.leaderboard().size());
        assertTrue(stats.bestBaseline().isPresent());
        ConfigurationStats reprogram = stats.bestReprogramming().orElseThrow();
        assertEquals(List.of(0L, 1L), stats.comparison(reprogram.key()).orElseThrow().seeds());
    }

    @Test
    void aStudyCanVaryTheSourceModelAndShipsEachOnce() throws Exception {
        Path pt = TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt");
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), spec("source:\n  values: [builtin, " + pt + "]\nmapping:\n  value: linear",
                "seeds: [0]"));
        try (InProcessBackend backend = new InProcessBackend(2)) {
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(folder, backend, null).run());
            assertEquals(2, backend.tasks.stream().map(t -> t.shipped().get(pt.toString())).filter(java.util.Objects::nonNull)
                    .count() + backend.tasks.stream().filter(t -> t.shipped().containsKey("builtin")).count());
        }
        try (var zips = Files.list(folder.dir().resolve(ShippedInputs.FOLDER))) {
            assertEquals(3, zips.count()); // one target, two sources
        }
        for (TrialRecord s : folder.trialStates()) {
            assertTrue(s.completed(), s.toString());
            assertEquals(s.trial().spec().source(), s.run().config().source()); // as the study names it, not the executor's copy
        }
    }

    @Test
    void oneDriverAtATimeAndNoStudyOverAnother() throws Exception {
        Path specFile = spec("mapping:\n  values: [flm]", "seeds: [0]");
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), specFile);
        UserInputException again = assertThrows(UserInputException.class, () -> StudyFolder.create(folder.dir(), specFile));
        assertTrue(again.getMessage().contains("study resume"), again.getMessage());
        try (RunFolderLock held = folder.claim()) {
            java.util.concurrent.atomic.AtomicReference<Throwable> seen = new java.util.concurrent.atomic.AtomicReference<>();
            Thread other = new Thread(() -> {
                try (RunFolderLock second = folder.claim()) {
                    seen.set(null);
                } catch (Throwable e) {
                    seen.set(e);
                }
            });
            other.start();
            other.join();
            assertTrue(seen.get() instanceof UserInputException, String.valueOf(seen.get()));
        }
        UserInputException notStudy = assertThrows(UserInputException.class, () -> StudyFolder.open(tmp));
        assertTrue(notStudy.getMessage().contains("not a study folder"), notStudy.getMessage());
    }
}
