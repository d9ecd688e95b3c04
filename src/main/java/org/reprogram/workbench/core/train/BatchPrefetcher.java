package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The background loader: while the current step runs, a second thread places the next batch
 * into the other of two native staging buffers, so data never starves the step. Batches come
 * in exactly the order given (same order per seed as without it).
 *
 * <pre>
 * try (BatchPrefetcher loader = new BatchPrefetcher(split, batchSize)) {
 *     loader.start(order);
 *     for (...) { Batch b = loader.next(); NDArray x = b.array(scope); ... }
 * }
 * </pre>
 */
public final class BatchPrefetcher implements AutoCloseable {

    /**
     * A placed batch; its array must be made before the next call to {@link #next()} (which starts
     * refilling the other staging buffer); the array itself is a copy and stays valid for the step.
     */
    public final class Batch {
        private final BatchBuffer buffer;
        private final int count;
        private final int[] labels;

        private Batch(BatchBuffer buffer, int count, int[] labels) {
            this.buffer = buffer;
            this.count = count;
            this.labels = labels;
        }

        public int size() {
            return count;
        }

        public int[] labels() {
            return labels;
        }

        /** The canvases [n, C, H, W] in MANAGER, copied out of the staging buffer (see {@link BatchBuffer#array}). */
        public NDArray array(NDManager manager) {
            return buffer.array(manager, split.shape(count));
        }
    }

    private final CanvasSplit split;
    private final int batchSize;
    private final BatchBuffer[] buffers;
    private final ExecutorService thread;
    private int[] order;
    private int nextFrom;
    private int flip;
    private Future<Batch> pending;

    public BatchPrefetcher(CanvasSplit split, int batchSize) {
        this.split = split;
        this.batchSize = Math.max(1, batchSize);
        this.buffers = new BatchBuffer[] {new BatchBuffer(this.batchSize, split.imageSize()),
            new BatchBuffer(this.batchSize, split.imageSize())};
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** Begins a pass over ORDER (all items in this order, in batches); the first batch is placed now. */
    public void start(int[] newOrder) {
        cancelPending();
        order = newOrder.clone();
        nextFrom = 0;
        pending = submit();
    }

    public boolean hasNext() {
        return pending != null;
    }

    /** Waits for the next batch and starts placing the one after it. */
    public Batch next() {
        if (pending == null) {
            throw new IllegalStateException("no batch left in this pass");
        }
        Batch b;
        try {
            b = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the next batch");
        } catch (ExecutionException e) {
            pending = null;
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        pending = nextFrom < order.length ? submit() : null;
        return b;
    }

    private Future<Batch> submit() {
        int from = nextFrom;
        int to = Math.min(order.length, from + batchSize);
        nextFrom = to;
        BatchBuffer buf = buffers[flip];
        flip ^= 1;
        int[] o = order;
        return thread.submit(() -> {
            split.fill(buf.start(), o, from, to);
            return new Batch(buf, to - from, split.labels(o, from, to));
        });
    }

    /** Waits for the batch being placed (it writes into a staging buffer) and drops it. */
    private void cancelPending() {
        if (pending != null) {
            boolean interrupted = false;
            while (true) {
                try {
                    pending.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the loader is writing into a buffer: wait for it anyway
                } catch (ExecutionException | CancellationException e) {
                    break; // the batch is not wanted any more
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            pending = null;
        }
    }

    /** Stops the loader thread and frees both staging buffers. */
    @Override
    public void close() {
        cancelPending();
        thread.shutdown();
        for (BatchBuffer b : buffers) {
            b.close();
        }
    }
}
