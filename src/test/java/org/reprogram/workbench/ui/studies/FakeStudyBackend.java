package org.reprogram.workbench.ui.studies;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.TrialBackend;
import org.reprogram.workbench.core.study.TrialProgress;
import org.reprogram.workbench.core.study.TrialReturn;
import org.reprogram.workbench.core.study.TrialTask;
import org.reprogram.workbench.core.study.TrialWork;

/**
 * A study backend without Spark for the Studies tab's tests (as core.study's InProcessBackend):
 * trials on a thread pool in this JVM, files "shipped" by path, live epochs through
 * {@link TrialProgress} as in Spark's local mode.
 */
final class FakeStudyBackend implements TrialBackend {

    private final ExecutorService pool;
    private final int parallel;
    private final List<CompletableFuture<TrialReturn>> outs = new CopyOnWriteArrayList<>();
    /** The choices the tab opened backends for, in order. */
    static final List<BackendChoice> OPENED = new CopyOnWriteArrayList<>();

    FakeStudyBackend(int parallel) {
        this.parallel = parallel;
        this.pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "fake-study-trial");
            t.setDaemon(true);
            return t;
        });
    }

    /** The factory the ViewModel gets: PARALLEL trials at once, whatever the choice. */
    static java.util.function.Function<BackendChoice, TrialBackend> factory(int parallel) {
        return c -> {
            OPENED.add(c);
            return new FakeStudyBackend(parallel);
        };
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
        CompletableFuture<TrialReturn> out = new CompletableFuture<>();
        outs.add(out);
        pool.submit(() -> {
            try {
                out.complete(TrialWork.run(task, Path::of, "in-process", 0, TrialProgress.listenerFor(task.trialId())));
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    @Override
    public void cancelAll() {
        outs.forEach(f -> f.completeExceptionally(new CancellationException("cancelled")));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
