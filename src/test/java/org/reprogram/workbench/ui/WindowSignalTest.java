package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.cli.Cli;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.reprogram.workbench.ui.training.TrainingViewModelTest;
import org.testfx.api.FxToolkit;

/**
 * A signal to the window ends its run like the CLI's (issue 17, item 6): the shutdown path asks the
 * training to stop at its next step and waits, bounded, for the step and the run's files before the
 * JVM exits (libtorch frees its globals at exit; a step still running then crashed the JVM).
 */
class WindowSignalTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // FxTaskExecutor runs javafx Tasks
    }

    /** A step that takes 300 ms, then checks the control, until stopped. */
    private static final class StepBackend implements TrainingBackend {
        final CountDownLatch inStep = new CountDownLatch(1);
        final AtomicBoolean stepRunning = new AtomicBoolean();
        final AtomicInteger stepsEnded = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<TrainingControl> control = new AtomicReference<>();
        final boolean ignoresStop;

        StepBackend(boolean ignoresStop) {
            this.ignoresStop = ignoresStop;
        }

        @Override
        public TrainingResult run(RunSpec c, org.reprogram.workbench.core.data.TargetDataset d,
                org.reprogram.workbench.core.run.RunLauncher.RunDir dir,
                org.reprogram.workbench.core.train.TrainingListener l, TrainingControl ctl) {
            calls.incrementAndGet();
            control.set(ctl);
            try {
                while (true) {
                    if (!ignoresStop) {
                        ctl.checkpoint();
                    }
                    stepRunning.set(true);
                    inStep.countDown();
                    Thread.sleep(ignoresStop ? 3_000 : 300);
                    stepRunning.set(false);
                    stepsEnded.incrementAndGet();
                }
            } catch (TrainingControl.TrainingCancelledException e) {
                return TrainingViewModelTest.result(ctl.isInterrupted() ? "interrupted" : "cancelled", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return TrainingViewModelTest.result("failed", "interrupted thread");
            }
        }
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
    }

    @Test
    void closeForExitInterruptsTheRunAndWaitsForItsStep(@TempDir Path runs) throws Exception {
        StepBackend backend = new StepBackend(false);
        AtomicReference<WorkbenchViewModel> vm = new AtomicReference<>();
        onFx(() -> vm.set(new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(runs), backend)));
        RunSpec cfg = RunSpec.demo(TestPaths.digits().toString());
        onFx(() -> vm.get().training.start(cfg, null));
        assertTrue(backend.inStep.await(30, TimeUnit.SECONDS), "the fake run reached a step");

        // the shutdown hook's thread (not the FX one)
        assertTrue(vm.get().closeForExit(10_000), "everything ended within the bound");
        assertTrue(backend.control.get().isInterrupted(), "the run was asked to stop as 'interrupted'");
        assertFalse(backend.stepRunning.get(), "closeForExit returned only after the running step had ended");
        assertTrue(backend.stepsEnded.get() >= 1, "the step that ran at the signal was finished, not abandoned");

        // nothing starts after the exit began (the demo's start can come late, when its model check ends)
        onFx(() -> vm.get().training.start(cfg, null));
        Thread.sleep(300);
        assertEquals(1, backend.calls.get(), "no run starts while the JVM exits");
    }

    @Test
    void closeForExitWaitsOnlyAsLongAsItsBound(@TempDir Path runs) throws Exception {
        StepBackend backend = new StepBackend(true); // a step that does not look at the control for 3 s
        AtomicReference<WorkbenchViewModel> vm = new AtomicReference<>();
        onFx(() -> vm.set(new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(runs), backend)));
        onFx(() -> vm.get().training.start(RunSpec.demo(TestPaths.digits().toString()), null));
        assertTrue(backend.inStep.await(30, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        assertFalse(vm.get().closeForExit(200), "a job still running past the bound is reported");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= 150 && ms < 2_500, "waited " + ms + " ms for a 200 ms bound");
        assertTrue(backend.stepRunning.get());
    }

    /**
     * The real window (`--demo`, headless Monocle, child JVM) gets SIGTERM during its training:
     * it exits 143 without a crash log, its run is "interrupted" with result.json and its checkpoint,
     * no RUNNING file is left, and {@code resume} finishes it.
     */
    @Test
    void sigtermToTheWindowLeavesAnInterruptedResumableRun(@TempDir Path tmp) throws Exception {
        Path runs = tmp.resolve("runs");
        Path log = tmp.resolve("window.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dreprogram.home=" + TestPaths.root(), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true",
                "-Dheadless.geometry=1600x1000-32", // Monocle's default screen is smaller than the window
                "org.reprogram.workbench.Main", "--runs-dir", runs.toString(), "--demo");
        pb.directory(tmp.toFile()); // where a crashing JVM writes hs_err_pid*.log
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        Path run;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // ~10 s on an idle machine
            run = null;
            while (System.nanoTime() < deadline && p.isAlive()) {
                run = runFolder(runs);
                if (run != null && CheckpointFile.exists(run)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertNotNull(run, "the demo made a run folder: " + read(log));
            assertTrue(CheckpointFile.exists(run), "a checkpoint after the first epoch: " + read(log));
            Thread.sleep(150); // into the next epoch's steps
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the window exits after SIGTERM: " + read(log));
        } finally {
            p.destroyForcibly();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            List<Path> crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
            assertEquals(List.of(), crashes, "no JVM crash");
        }
        assertEquals(143, p.exitValue(), read(log));
        assertTrue(Files.isRegularFile(run.resolve(RunFiles.RESULT)), "result.json written before the JVM exited: "
                + read(log));
        JsonObject result = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class);
        assertEquals("interrupted", result.get("status").getAsString(), read(log));
        assertFalse(Files.exists(run.resolve(RunFiles.RUNNING)), "no RUNNING marker left");
        assertTrue(RunStore.load(run, false).isResumable());

        // resume finishes it; to keep the test short, one epoch is left (config.json's epochs lowered)
        int epochs = result.get("epochs").getAsInt();
        JsonObject cfg = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.CONFIG)), JsonObject.class);
        cfg.addProperty(Settings.EPOCHS.id(), epochs + 1);
        Files.writeString(run.resolve(RunFiles.CONFIG), Json.GSON.toJson(cfg));
        assertEquals(0, Cli.run(new String[] {"resume", run.toString(), "--threads", "1"}));
        JsonObject done = Json.GSON.fromJson(Files.readString(run.resolve(RunFiles.RESULT)), JsonObject.class);
        assertEquals("completed", done.get("status").getAsString());
        assertEquals(epochs + 1, done.get("epochs").getAsInt());
    }

    private static Path runFolder(Path runs) throws java.io.IOException {
        if (!Files.isDirectory(runs)) {
            return null;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .findFirst().orElse(null);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
