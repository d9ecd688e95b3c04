package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.study.ShippedInputs;
import org.reprogram.workbench.core.study.TrialReturn;

/**
 * Trials on a Spark standalone cluster (a master and two 1-core workers, separate processes on
 * 127.0.0.1, nothing shared but what the job ships) train exactly as in local mode, and all come
 * back exactly once when a worker is killed with kill -9 while it runs one. One cluster serves both
 * cases (it takes 10-20 s to start); local mode runs while it starts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterBackendTest {

    private static final List<RunSpec> SPECS = List.of(Trials.spec(1, 1), Trials.spec(2, 2), Trials.spec(1, 3),
            Trials.spec(2, 4));

    @TempDir
    static Path tmp;
    private static StandaloneCluster cluster;
    private static SparkBackend backend;
    private static Map<String, String> shipped;
    private static final Map<String, RunRecord> LOCAL = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<StandaloneCluster> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return StandaloneCluster.start(2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (SparkBackend local = new SparkBackend("local", new SparkOptions("local[2]", 0, 1, Map.of(), null))) {
            Map<String, String> files = ShippedInputs.prepare(SPECS, tmp.resolve("local"), local);
            for (TrialReturn r : runAll(local, files)) {
                assertEquals("completed", r.status(), r.message());
                LOCAL.put(r.trialId(), Trials.unpack(r, tmp.resolve("local-runs")));
            }
        }
        double localSeconds = (System.nanoTime() - t0) / 1e9;
        cluster = starting.join();
        long t1 = System.nanoTime();
        backend = new SparkBackend("cluster test", new SparkOptions(cluster.url(), 0, 1,
                Map.of("spark.executor.memory", "768m", "spark.executor.extraJavaOptions", "-Dai.djl.offline=true"),
                cluster.appJar()));
        shipped = ShippedInputs.prepare(SPECS, tmp.resolve("cluster"), backend);
        System.out.printf("local mode, 4 trials: %.1f s; cluster: workers registered %.1f s after launch,"
                + " executors %.1f s after the driver started%n", localSeconds, cluster.startSeconds(),
                (System.nanoTime() - t1) / 1e9);
    }

    @AfterAll
    static void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static List<TrialReturn> runAll(SparkBackend on, Map<String, String> files) throws Exception {
        List<CompletableFuture<TrialReturn>> futures = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            futures.add(on.submit(Trials.task("t" + i, SPECS.get(i), 0, null, files)));
        }
        List<TrialReturn> out = new ArrayList<>();
        for (CompletableFuture<TrialReturn> f : futures) {
            out.add(f.get(600, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    @Order(1)
    void trialsOnTheClusterTrainAsInLocalMode() throws Exception {
        int port = Integer.parseInt(cluster.url().substring(cluster.url().lastIndexOf(':') + 1));
        assertEquals("spark://127.0.0.1:" + port + ": 2 executors, 2 cores: 2 trials at once x 1 thread each",
                backend.describe());
        assertTrue(cluster.sparkJars().stream().noneMatch(j -> j.startsWith("pytorch") || j.startsWith("gson")),
                "the workers have no DJL, PyTorch or Gson: the driver ships them " + cluster.sparkJars() + ", shipped: " + ExecutorJars.libraries());
        long t0 = System.nanoTime();
        List<TrialReturn> back = runAll(backend, shipped);
        System.out.printf("cluster, 4 trials: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Set<String> hosts = new HashSet<>();
        for (TrialReturn r : back) {
            assertEquals("completed", r.status(), r.message());
            hosts.add(r.host());
            Trials.assertSameRun(LOCAL.get(r.trialId()), Trials.unpack(r, tmp.resolve("cluster-runs")),
                    r.trialId() + " on " + r.host());
        }
        assertEquals(2, hosts.size(), "both executors ran trials: " + hosts);
    }

    @Test
    @Order(2)
    void aKilledWorkerLosesNoTrial() throws Exception {
        int before = cluster.tasksStarted(0);
        List<String> killed = cluster.executorIds(0);
        long t0 = System.nanoTime();
        List<CompletableFuture<TrialReturn>> futures = new ArrayList<>();
        for (int i = 0; i < SPECS.size(); i++) {
            futures.add(backend.submit(Trials.task("t" + i, SPECS.get(i), 0, null, shipped)));
        }
        assertTrue(cluster.awaitTaskStarted(0, before, Duration.ofSeconds(60)), "worker 0 started a task");
        cluster.killWorker(0);
        double killedAt = (System.nanoTime() - t0) / 1e9;

        Map<String, TrialReturn> back = new HashMap<>();
        for (CompletableFuture<TrialReturn> f : futures) {
            TrialReturn r = f.get(600, TimeUnit.SECONDS);
            assertEquals(null, back.put(r.trialId(), r), "one return per trial");
        }
        System.out.printf("cluster with worker 0 killed at %.1f s: 4 trials in %.1f s%n", killedAt,
                (System.nanoTime() - t0) / 1e9);
        assertEquals(Set.of("t0", "t1", "t2", "t3"), back.keySet());
        back.values().forEach(r -> System.out.printf("  %s: %s, attempt %d, %.1f s%n", r.trialId(), r.host(), r.attempt(),
                r.seconds()));
        assertTrue(back.values().stream().anyMatch(r -> r.attempt() > 0), "the trial the kill cut ran again");
        for (TrialReturn r : back.values()) {
            assertEquals("completed", r.status(), r.message());
            for (String id : killed) {
                assertFalse(r.host().startsWith("executor " + id + " "), r.trialId() + " came from the killed executor");
            }
            Trials.assertSameRun(LOCAL.get(r.trialId()), Trials.unpack(r, tmp.resolve("after-kill")),
                    r.trialId() + " after the kill, on " + r.host());
        }
        assertEquals(1, backend.concurrentTrials(), "one worker of 1 core left: " + backend.describe());
    }
}
