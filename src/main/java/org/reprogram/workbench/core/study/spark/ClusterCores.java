package org.reprogram.workbench.core.study.spark;

import java.time.Duration;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.status.api.v1.ExecutorSummary;
import org.reprogram.workbench.core.UserInputException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A cluster's executors as the driver sees them now (from Spark's status store; the driver itself
 * is not counted).
 *
 * @param perExecutor the cores of each live executor
 */
record ClusterCores(List<Integer> perExecutor) {

    /** How long the executors started together may take to register after the first. */
    private static final long SETTLE_MS = 2000;

    static ClusterCores of(JavaSparkContext sc) {
        List<ExecutorSummary> all = CollectionConverters.asJava(sc.sc().statusStore().executorList(true));
        return new ClusterCores(all.stream().filter(e -> !e.id().equals("driver")).map(ExecutorSummary::totalCores)
                .toList());
    }

    int executors() {
        return perExecutor.size();
    }

    int cores() {
        return perExecutor.stream().mapToInt(Integer::intValue).sum();
    }

    /** Tasks of THREADS cores each that fit on the executors at once. */
    int slots(int threads) {
        return perExecutor.stream().mapToInt(c -> c / threads).sum();
    }

    /**
     * Waits until an executor with room for a task of THREADS cores registered (then a moment more for
     * the others started with it), at most WAIT: a Spark driver waiting for resources would wait forever.
     */
    static void await(JavaSparkContext sc, int threads, Duration wait) {
        long start = System.nanoTime();
        long deadline = start + wait.toNanos();
        ClusterCores now = of(sc);
        while (now.slots(threads) == 0) {
            if (sc.sc().isStopped()) {
                throw new UserInputException("Spark stopped while connecting to " + sc.master() + " (the messages above"
                        + " say why). Fix: check the master URL and that the master is running");
            }
            if (System.nanoTime() > deadline) {
                throw new UserInputException("no executor registered with " + sc.master() + " within "
                        + wait.toSeconds() + " s: is a worker running? Fix: start a worker with at least " + threads
                        + (threads == 1 ? " core" : " cores") + " free for this application (spark.task.cpus = threads"
                        + " per trial), or leave --master out to run locally");
            }
            sleep(200);
            now = of(sc);
        }
        long quietSince = System.nanoTime();
        int seen = now.executors();
        while (System.nanoTime() - quietSince < SETTLE_MS * 1_000_000L && System.nanoTime() < deadline) {
            sleep(200);
            int n = of(sc).executors();
            if (n != seen) {
                seen = n;
                quietSince = System.nanoTime();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Spark executors", e);
        }
    }
}
