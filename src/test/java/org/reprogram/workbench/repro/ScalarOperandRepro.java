package org.reprogram.workbench.repro;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Minimal reproduction (a program, not a test) of why the engine makes scalar operands with
 * {@code core.model.Scalars}: in DJL 0.36 / libtorch 2.7.1, {@code x.pow(3f)}, {@code x.mul(3f)}
 * and {@code x.maximum(0.5f)} wrap the number in an array over a Java direct buffer and close
 * that array at once, while autograd keeps the scalar for the backward pass. A garbage
 * collection between forward and backward frees the buffer; when its block is reused, the
 * backward reads whatever was written there. Prints, per operation, the input gradient without
 * and with a collection (plus native blocks refilled with 7.0) before {@code backward}; exits 1
 * when any differs. The same with the scalar made by libtorch ({@code manager.full(new Shape(), v)})
 * is printed as the control. Run after {@code mvn -q test-compile}:
 * <pre>java -Dai.djl.offline=true -cp "target/classes:target/test-classes:target/lib/*" \
 *     org.reprogram.workbench.repro.ScalarOperandRepro</pre>
 */
public final class ScalarOperandRepro {

    private static final List<ByteBuffer> HELD = new ArrayList<>();

    private ScalarOperandRepro() {}

    public static void main(String[] args) {
        int wrong = 0;
        wrong += report("x.pow(3f)", x -> x.pow(3f), false);
        wrong += report("x.mul(3f)", x -> x.mul(3f), false);
        wrong += report("x.maximum(0.5f)", x -> x.maximum(0.5f), false);
        report("x.pow(full(3))  [control]", x -> x.pow(x.getManager().full(new Shape(), 3f)), true);
        report("x.mul(full(3))  [control]", x -> x.mul(x.getManager().full(new Shape(), 3f)), true);
        System.out.println(wrong > 0 ? "REPRODUCED: a collection between forward and backward changed "
                + wrong + " gradient(s)" : "not reproduced on this machine");
        System.exit(wrong > 0 ? 1 : 0);
    }

    private static int report(String name, UnaryOperator<NDArray> op, boolean control) {
        float[] clean = gradient(op, false);
        float[] churned = gradient(op, true);
        boolean same = java.util.Arrays.equals(clean, churned);
        System.out.printf("%-28s d/dx[0..2] clean %s, after a collection %s%s%n", name, head(clean), head(churned),
                same ? "" : "   <- differs");
        return same || control ? 0 : 1;
    }

    private static float[] gradient(UnaryOperator<NDArray> op, boolean churn) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.create(new float[] {0.25f, 1f, 2f, 3f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray y = op.apply(x).sum();
                if (churn) {
                    churn();
                }
                gc.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static String head(float[] g) {
        return String.format(java.util.Locale.ROOT, "[%.3g, %.3g, %.3g]", g[0], g[1], g[2]);
    }

    /** A full collection, its cleaners run, then small native blocks refilled with 7.0f. */
    private static void churn() {
        HELD.clear();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int size : new int[] {4, 8, 16, 24, 32}) {
            for (int i = 0; i < 200; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                while (b.remaining() >= 4) {
                    b.putFloat(7f);
                }
                HELD.add(b);
            }
        }
    }
}
