package org.reprogram.workbench.core;

import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Provokes what a garbage collection in the middle of a training step does to native memory that
 * only a Java object kept alive: collects garbage, waits for the direct buffers' cleaners, and
 * re-occupies freed small native blocks with a recognisable value (7.0f). A tensor that still
 * points at a freed block then reads 7 instead of what it held. Tests call {@link #churn()}
 * between a forward pass and its backward pass.
 */
public final class NativeChurn {

    /** The value freed-and-reused blocks hold. */
    public static final float GARBAGE = 7f;
    private static final List<ByteBuffer> HELD = new ArrayList<>();

    private NativeChurn() {}

    /** A full collection, its cleaners run, then small native blocks refilled with {@link #GARBAGE}. */
    public static synchronized void churn() {
        HELD.clear();
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 50 && canary.get() != null; i++) {
            System.gc();
        }
        System.gc();
        try {
            Thread.sleep(5); // the reference handler frees the unreachable direct buffers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int size : new int[] {4, 8, 16, 24, 32, 40}) {
            for (int i = 0; i < 200; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                while (b.remaining() >= 4) {
                    b.putFloat(GARBAGE);
                }
                HELD.add(b);
            }
        }
    }
}
