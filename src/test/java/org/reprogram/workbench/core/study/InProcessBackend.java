package org.reprogram.workbench.core.study;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test backend without Spark: trials on a thread pool in this JVM, files "shipped" by path.
 * FAILFIRST makes the first attempt of the trials it accepts die before training (as a killed
 * executor would), so the backend retries them once; SUBMITTED counts the tasks. Live epochs go
 * through {@link TrialProgress} as in Spark's local mode. Also the Studies tab's test backend.
 */
public final class InProcessBackend implements TrialBackend {

    private final ExecutorService pool;
    private final int parallel;
    private final Predicate<TrialTask> failFirst;
    private final List<Future<?>> running = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<TrialReturn>> outs = new CopyOnWriteArrayList<>();
    final AtomicInteger submitted = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final List<TrialTask> tasks = new CopyOnWriteArrayList<>();

    public InProcessBackend(int parallel) {
        this(parallel, t -> false);
    }

    InProcessBackend(int parallel, Predicate<TrialTask> failFirst) {
        this.parallel = parallel;
        this.failFirst = failFirst;
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "in-process-trial");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String describe() {
        return "in-process: " + parallel + " trials at once x 1 thread each";
    }

    @Override
    public int concurrentTrials() {
        return parallel;
    }

    @Override
    public int threadsPerTrial() {
        return 1;
    }

    @Override
    public String ship(Path file) {
        return file.toAbsolutePath().toString();
    }

    @Override
    public CompletableFuture<TrialReturn> submit(TrialTask task) {
        submitted.incrementAndGet();
        tasks.add(task);
        CompletableFuture<TrialReturn> out = new CompletableFuture<>();
        outs.add(out);
        running.add(pool.submit(() -> {
            try {
                int attempt = 0;
                if (failFirst.test(task)) {
                    attempts.incrementAndGet();
                    attempt = 1; // the first attempt "died"; this is the retry
                }
                attempts.incrementAndGet();
                out.complete(TrialWork.run(task, Path::of, "in-process", attempt, TrialProgress.listenerFor(task.trialId())));
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        }));
        return out;
    }

    @Override
    public void cancelAll() {
        running.forEach(f -> f.cancel(true));
        outs.forEach(f -> f.completeExceptionally(new java.util.concurrent.CancellationException("cancelled")));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
