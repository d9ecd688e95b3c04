package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.predict.SmallRuns;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * Stop pressed once an epoch's last batch has run (the window still shows "batch 21/21" while the
 * engine evaluates, writes the checkpoint and moves on): that epoch was the current one, so the
 * run ends after it instead of training one more whole epoch.
 */
class StopBetweenEpochsTest {

    @Test
    void stopAfterTheEpochsOwnCheckTrainsNoFurtherEpoch(@TempDir Path tmp) throws Exception {
        Path digits = SmallRuns.digits5(tmp);
        RunSpec cfg = SmallRuns.config(SmallRuns.TINY.toString(), digits, "full", "flm",
                "whitebox");
        TrainingControl control = new TrainingControl();
        AtomicReference<Thread> trainer = new AtomicReference<>();
        TrainingListener pauseAfterEpoch1 = new TrainingListener() {
            @Override
            public void onCheckpoint(TrainingCheckpoint c) {
                if (c.epoch() == 1) {
                    control.pause(); // the engine goes on past epoch 1's stop check and waits before a step
                    trainer.set(Thread.currentThread());
                }
            }
        };
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                outcome.set(RunLauncher.run(cfg, null, tmp.resolve("run"), pauseAfterEpoch1, control, 0));
            } catch (Exception | Error e) {
                outcome.set(e);
            }
        });
        run.start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!waitingInControl(trainer.get()) && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(waitingInControl(trainer.get()), "the engine waits (paused) after epoch 1's stop check");
        control.requestStop(); // the user presses Stop now: what the window shows is epoch 1 ending
        control.resume();
        run.join(120_000);
        assertTrue(outcome.get() instanceof TrainingResult, String.valueOf(outcome.get()));
        TrainingResult r = (TrainingResult) outcome.get();
        assertEquals(RunStatus.STOPPED, r.status(), r.message());
        assertEquals(1, r.epochs(), "no second epoch is trained after Stop");
        assertEquals("stopped by the user after epoch 1", r.message());
        assertTrue(!Double.isNaN(r.testAccuracy()), "the test split is evaluated as after any stop");
        assertEquals(2, Files.readAllLines(tmp.resolve("run/metrics.csv")).size(), "header + epoch 1");
    }

    private static boolean waitingInControl(Thread t) {
        return t != null && t.getState() == Thread.State.WAITING && Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getClassName().equals(TrainingControl.class.getName())
                        && f.getMethodName().equals("checkpoint"));
    }
}
