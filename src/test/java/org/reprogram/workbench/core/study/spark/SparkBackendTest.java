package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.study.ShippedInputs;
import org.reprogram.workbench.core.study.TrialReturn;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;

/** Trials through Spark in local mode train exactly as runs started directly, paused and continued too. */
class SparkBackendTest {

    private static SparkBackend backend;

    @BeforeAll
    static void open() {
        backend = new SparkBackend("local test", new SparkOptions("local[2]", 0, 1, Map.of(), null));
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    @Test
    void describesLocalMode() {
        int cores = Runtime.getRuntime().availableProcessors();
        int trials = Math.min(2, cores);
        assertEquals(trials, backend.concurrentTrials());
        assertEquals(1, backend.threadsPerTrial());
        assertEquals("local[" + trials + "]: " + trials + (trials == 1 ? " trial" : " trials") + " at once x 1 thread each ("
                + cores + (cores == 1 ? " core)" : " cores)"), backend.describe());
    }

    @Test
    void aTrialTrainsAsTheSameRunStartedDirectly(@TempDir Path tmp) throws Exception {
        RunSpec spec = Trials.spec(1, 7);
        Path direct = tmp.resolve("direct");
        RunLauncher.run(spec, null, direct, new TrainingListener() { }, new TrainingControl(), 0);
        Map<String, String> shipped = ShippedInputs.prepare(List.of(spec), tmp.resolve("study"), backend);

        TrialReturn r = backend.submit(Trials.task("t1", spec, 0, null, shipped)).get(300, TimeUnit.SECONDS);

        assertEquals("completed", r.status(), r.message());
        assertEquals(1, r.epochsDone());
        assertEquals(0, r.attempt());
        assertTrue(r.host().startsWith("executor driver on "), r.host());
        RunRecord back = Trials.unpack(r, tmp.resolve("back"));
        Trials.assertSameRun(RunStore.load(direct, false), back, "trial through Spark");
        assertEquals(TestPaths.digits().toString(), back.config().data().target(),
                "the run folder names the study's target, not the executor's unpacked copy");
    }

    @Test
    void aTrialPausedAtARungContinuesAsIfNeverPaused(@TempDir Path tmp) throws Exception {
        RunSpec spec = Trials.spec(2, 11);
        Map<String, String> shipped = ShippedInputs.prepare(List.of(spec), tmp.resolve("study"), backend);
        CompletableFuture<TrialReturn> whole = backend.submit(Trials.task("whole", spec, 0, null, shipped));

        TrialReturn paused = backend.submit(Trials.task("t2", spec, 1, null, shipped)).get(300, TimeUnit.SECONDS);
        assertEquals("interrupted", paused.status(), paused.message());
        assertEquals(1, paused.epochsDone());
        assertEquals(1, Trials.unpack(paused, tmp.resolve("paused")).metrics().size());

        TrialReturn continued = backend.submit(Trials.task("t2", spec, 0, paused.runFolder(), shipped))
                .get(300, TimeUnit.SECONDS);
        assertEquals("completed", continued.status(), continued.message());
        assertEquals(2, continued.epochsDone());
        assertEquals(1, continued.epochsTrained());
        TrialReturn uninterrupted = whole.get(300, TimeUnit.SECONDS);
        assertEquals("completed", uninterrupted.status());
        Trials.assertSameRun(Trials.unpack(uninterrupted, tmp.resolve("whole")),
                Trials.unpack(continued, tmp.resolve("continued")), "paused at epoch 1, continued");
    }

    @Test
    void cancelAllFailsTheTrialsStillRunning(@TempDir Path tmp) throws Exception {
        try (SparkBackend other = new SparkBackend("cancelled", new SparkOptions("local[2]", 0, 1, Map.of(), null))) {
            RunSpec spec = Trials.spec(50, 3);
            Map<String, String> shipped = ShippedInputs.prepare(List.of(spec), tmp.resolve("study"), other);
            CompletableFuture<TrialReturn> f = other.submit(Trials.task("long", spec, 0, null, shipped));
            Thread.sleep(500);
            other.cancelAll();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(60, TimeUnit.SECONDS));
            assertTrue(String.valueOf(e.getCause().getMessage()).contains("cancel"), String.valueOf(e.getCause()));
        }
        assertTrue(Files.isDirectory(tmp), "the shared context outlives the backend closed beside it");
        assertEquals("completed", backend.submit(Trials.task("after", Trials.spec(1, 1), 0, null,
                ShippedInputs.prepare(List.of(Trials.spec(1, 1)), tmp.resolve("study2"), backend)))
                .get(300, TimeUnit.SECONDS).status());
    }
}
