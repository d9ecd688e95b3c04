package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudyResultsReader;
import org.reprogram.workbench.core.study.StudyRunner;
import org.reprogram.workbench.core.study.Trial;
import org.reprogram.workbench.core.study.TrialBackend;
import org.reprogram.workbench.core.study.TrialRecord;
import org.reprogram.workbench.core.study.TrialReturn;
import org.reprogram.workbench.core.study.TrialTask;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;

/**
 * A study (6 trials x 2 epochs on the built-in model and the sample digits) on a Spark standalone
 * cluster: a master and two 1-core workers, separate JVMs on 127.0.0.1, whose Spark jars lack
 * everything of the workbench (the driver ships the app jar, its libraries, the data and the model;
 * the run folders come back in the results). It gives the same runs as the same study in local mode
 * and as each trial trained alone with {@code RunLauncher} (what {@code train} does); and with one
 * worker killed by kill -9 while it trains a trial, the study completes with every trial once.
 * One cluster serves both cases (it takes 15-45 s to start); local mode runs while it starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterStudyTest {

    @TempDir
    static Path tmp;
    private static StandaloneCluster cluster;
    private static Path specFile;
    private static final Map<String, RunRecord> LOCAL = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        CompletableFuture<StandaloneCluster> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return StandaloneCluster.start(2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        specFile = tmp.resolve("spec.yaml");
        Files.writeString(specFile, """
                name: cluster-test
                method: grid
                base:
                  source: builtin
                  data.target: %s
                  data.shots: 10
                  data.val_fraction: 0.2
                  optimization.epochs: 2
                  resources.device: cpu
                parameters:
                  mapping:
                    values: [flm, ilm, linear]
                seeds: [0, 1]
                """.formatted(TestPaths.digits()));
        StudyFolder local = StudyFolder.create(tmp.resolve("local"), specFile);
        try (SparkBackend backend = new SparkBackend("local", new SparkOptions("local[2]", 0, 1, Map.of(), null))) {
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(local, backend, null).run());
        }
        for (TrialRecord s : local.trialStates()) {
            assertTrue(s.completed(), s.toString());
            LOCAL.put(s.trial().id(), s.run());
        }
        cluster = starting.join();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static SparkBackend clusterBackend() {
        return new SparkBackend("cluster test", new SparkOptions(cluster.url(), 0, 1,
                Map.of("spark.executor.memory", "768m", "spark.executor.extraJavaOptions", "-Dai.djl.offline=true"),
                cluster.appJar()));
    }

    @Test
    @Order(1)
    void aStudyOnTheClusterGivesTheRunsOfLocalModeAndOfTrainAlone() throws Exception {
        StudyFolder folder = StudyFolder.create(tmp.resolve("cluster"), specFile);
        assertTrue(cluster.sparkJars().stream().noneMatch(j -> j.startsWith("pytorch") || j.startsWith("gson")),
                "the workers have no DJL, PyTorch or Gson: the driver ships them " + cluster.sparkJars());
        List<TrialReturn> back = new CopyOnWriteArrayList<>();
        try (SparkBackend spark = clusterBackend()) {
            int port = Integer.parseInt(cluster.url().substring(cluster.url().lastIndexOf(':') + 1));
            assertEquals("spark://127.0.0.1:" + port + ": 2 executors, 2 cores: 2 trials at once x 1 thread each",
                    spark.describe());
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(folder, recording(spark, back), null).run());
        }
        assertEquals(6, back.size());
        assertEquals(2, back.stream().map(TrialReturn::host).distinct().count(), "both executors ran trials");
        for (TrialRecord s : folder.trialStates()) {
            assertTrue(s.completed(), s.toString());
            Trials.assertSameRun(LOCAL.get(s.trial().id()), s.run(), s.trial().id() + " on the cluster vs local mode");
            assertEquals(s.trial().spec().data().target(), s.run().config().data().target());
        }
        for (Trial t : folder.spec().trials().subList(0, 2)) { // train alone, as the CLI's train would
            Path alone = tmp.resolve("alone-" + t.id());
            RunLauncher.run(t.spec().with(Settings.THREADS, 1), null, alone, new TrainingListener() { },
                    new TrainingControl(), 0);
            Trials.assertSameRun(RunStore.load(alone, false), RunStore.load(folder.runDir(t.id()), false),
                    t.id() + " on the cluster vs trained alone");
        }
    }

    @Test
    @Order(2)
    void aWorkerKilledMidStudyLosesNoTrialAndCountsNoneTwice() throws Exception {
        StudyFolder folder = StudyFolder.create(tmp.resolve("killed"), specFile);
        int before = cluster.tasksStarted(0);
        List<String> killed = cluster.executorIds(0);
        List<TrialReturn> back = new CopyOnWriteArrayList<>();
        try (SparkBackend spark = clusterBackend()) {
            CompletableFuture<StudyRunner.Ending> study = CompletableFuture.supplyAsync(() -> {
                try {
                    return new StudyRunner(folder, recording(spark, back), null).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(cluster.awaitTaskStarted(0, before, Duration.ofSeconds(90)), "worker 0 started a trial");
            cluster.killWorker(0);
            assertEquals(StudyRunner.Ending.DONE, study.get());
        }
        Set<String> ids = new HashSet<>();
        back.forEach(r -> assertTrue(ids.add(r.trialId()), "one return per trial: " + r.trialId()));
        assertEquals(6, ids.size());
        assertTrue(back.stream().anyMatch(r -> r.attempt() > 0), "the trial the kill cut ran again: " + back);
        for (TrialReturn r : back) {
            for (String id : killed) {
                assertFalse(r.host().startsWith("executor " + id + " "), r.trialId() + " came from the killed executor");
            }
        }
        for (TrialRecord s : folder.trialStates()) {
            assertTrue(s.completed(), s.toString());
            Trials.assertSameRun(LOCAL.get(s.trial().id()), s.run(), s.trial().id() + " after the kill");
        }
        StudyResults results = StudyResultsReader.read(folder);
        assertEquals(3, results.statistics().leaderboard().size());
        for (ConfigurationStats c : results.statistics().leaderboard()) {
            assertEquals(List.of(0L, 1L), c.seeds(), c.label());
            assertEquals(2, c.trials().size(), c.label());
        }
        assertTrue(results.statistics().leftOut().isEmpty());
    }

    /** BACKEND, keeping every trial's return in BACK. */
    private static TrialBackend recording(TrialBackend backend, List<TrialReturn> back) {
        return new TrialBackend() {
            @Override
            public String describe() {
                return backend.describe();
            }

            @Override
            public int concurrentTrials() {
                return backend.concurrentTrials();
            }

            @Override
            public int threadsPerTrial() {
                return backend.threadsPerTrial();
            }

            @Override
            public String ship(Path file) {
                return backend.ship(file);
            }

            @Override
            public CompletableFuture<TrialReturn> submit(TrialTask task) {
                return backend.submit(task).whenComplete((r, e) -> {
                    if (r != null) {
                        back.add(r);
                    }
                });
            }

            @Override
            public void cancelAll() {
                backend.cancelAll();
            }

            @Override
            public void close() {
                // the caller closes BACKEND
            }
        };
    }
}
