package org.reprogram.workbench.cli;

import java.util.Map;
import org.reprogram.workbench.core.study.BackendChoice;
import picocli.CommandLine.Option;

/** Where a study's trials run: {@code --master}, {@code --parallel}, {@code --threads-per-trial}, {@code --conf}. */
public final class StudyBackendOptions {

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N] (default: this machine,"
            + " nothing to install), spark://HOST:PORT (a standalone cluster) or k8s://https://HOST:PORT")
    String master;

    @Option(names = "--parallel", paramLabel = "N", description = "trials at once in local mode (default: cores /"
            + " threads per trial; on a cluster: what its executors give)")
    Integer parallel;

    @Option(names = "--threads-per-trial", paramLabel = "T", description = "compute threads of each trial (default 1;"
            + " concurrent trials x T never exceeds the cores: libtorch's threads busy-wait)")
    Integer threads;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, e.g. --conf"
            + " spark.executor.memory=4g or --conf spark.task.resource.gpu.amount=1 (repeatable)")
    Map<String, String> conf;

    /** BASE with the options given. */
    BackendChoice over(BackendChoice base) {
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1 (was " + parallel + ")");
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads-per-trial must be at least 1 (was " + threads + ")");
        }
        return base.with(master, parallel, threads, conf);
    }
}
