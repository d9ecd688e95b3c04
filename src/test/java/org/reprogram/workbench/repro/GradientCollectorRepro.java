package org.reprogram.workbench.repro;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.reprogram.workbench.core.model.ThreadGradients;

/**
 * Minimal reproduction (a program, not a test) of why the engine collects gradients with
 * {@code core.model.ThreadGradients}: in DJL 0.36, {@code Engine.newGradientCollector()} (the
 * PyTorch engine's {@code PtGradientCollector}) keeps one process-wide "collecting" flag, so a
 * second collector opened on another thread while the first is open throws ("A PtGradientCollector
 * is already collecting"): two runs cannot train at once in one JVM. PyTorch's grad mode is per
 * thread, so nothing else requires this. Opens a collector on one thread and, while it is open,
 * one on a second thread; prints what happened and exits 1 when the second was refused. The same
 * with {@code ThreadGradients.open()} is the control (both open, both backward passes give
 * d(x^2)/dx = 2x). Run after {@code mvn -q test-compile}:
 * <pre>java -Dai.djl.offline=true -cp "target/classes:target/test-classes:target/lib/*" \
 *     org.reprogram.workbench.repro.GradientCollectorRepro</pre>
 */
public final class GradientCollectorRepro {

    private GradientCollectorRepro() {}

    /** Opens collectors made by FACTORY on two threads at once; returns the second one's failure, or null. */
    static Throwable twoAtOnce(java.util.function.Supplier<GradientCollector> factory) throws InterruptedException {
        CountDownLatch firstOpen = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try (NDManager m = NDManager.newBaseManager(); GradientCollector gc = factory.get()) {
                NDArray x = m.create(new float[] {1f, 2f});
                x.setRequiresGradient(true);
                firstOpen.countDown();
                secondDone.await();
                gc.backward(x.mul(x).sum());
                System.out.println("  first thread:  d(x^2)/dx = " + java.util.Arrays.toString(x.getGradient().toFloatArray()));
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        });
        Thread second = new Thread(() -> {
            try {
                firstOpen.await();
                try (NDManager m = NDManager.newBaseManager(); GradientCollector gc = factory.get()) {
                    NDArray x = m.create(new float[] {3f});
                    x.setRequiresGradient(true);
                    gc.backward(x.mul(x).sum());
                    System.out.println("  second thread: d(x^2)/dx = "
                            + java.util.Arrays.toString(x.getGradient().toFloatArray()));
                }
            } catch (Exception e) {
                failure.set(e);
            } finally {
                secondDone.countDown();
            }
        });
        first.start();
        second.start();
        first.join();
        second.join();
        return failure.get();
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("DJL's collector (Engine.newGradientCollector), two threads at once:");
        Throwable djl = twoAtOnce(() -> Engine.getInstance().newGradientCollector());
        System.out.println("  " + (djl == null ? "both opened" : "refused: " + djl));
        System.out.println("ThreadGradients.open(), two threads at once [control]:");
        Throwable control = twoAtOnce(ThreadGradients::open);
        System.out.println("  " + (control == null ? "both opened" : "refused: " + control));
        System.out.println(djl != null ? "REPRODUCED: a second gradient collector in the same JVM is refused"
                : "not reproduced here");
        System.exit(djl != null ? 1 : 0);
    }
}
