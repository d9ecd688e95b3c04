package org.reprogram.workbench.core.study.spark;

import java.nio.file.Path;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;

/**
 * How a study runs its trials on Spark ({@link SparkBackend}).
 *
 * @param master the master URL ({@code local[N]}, {@code spark://HOST:PORT}, {@code k8s://...}); null: local
 * @param parallel trials at once in local mode (0: as many as the cores allow at {@code threadsPerTrial});
 *     ignored on a cluster, where the executors' cores decide
 * @param threadsPerTrial PyTorch threads of each trial (0: 1); on a cluster {@code spark.task.cpus}
 * @param conf extra Spark settings ({@code --conf k=v}), applied last
 * @param appJar the application jar that executors of a cluster load; null: the jar this class came from
 */
public record SparkOptions(String master, int parallel, int threadsPerTrial, Map<String, String> conf, Path appJar) {

    public SparkOptions {
        if (parallel < 0) {
            throw new UserInputException("--parallel " + parallel + ": must be 0 (from the cores) or more."
                    + " Fix: give a positive number of trials at once, or leave it out");
        }
        if (threadsPerTrial < 0) {
            throw new UserInputException("--threads-per-trial " + threadsPerTrial + ": must be 0 (1 thread) or more."
                    + " Fix: give a positive number of threads, or leave it out");
        }
        conf = conf == null ? Map.of() : Map.copyOf(conf);
    }

    /** Local mode with the trials at once chosen from the cores, 1 thread each. */
    public static SparkOptions local() {
        return new SparkOptions(null, 0, 0, Map.of(), null);
    }

    /** The threads each trial uses (at least 1). */
    public int threads() {
        return Math.max(1, threadsPerTrial);
    }

    /** True for an embedded {@code local...} master (or none given). */
    public boolean isLocal() {
        return master == null || master.isBlank() || master.startsWith("local");
    }
}
