package org.reprogram.workbench.core.study.spark;

import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.reprogram.workbench.core.UserInputException;

/**
 * The one SparkContext of this JVM (Spark allows one: a second throws SPARK-2243), shared by the
 * backends that use it. A backend acquires it when it opens and releases it when it closes; the
 * context stops when its last user releases it, so a GUI that runs several studies one after another
 * starts one per study (about 3 s) and holds no Spark threads between studies. Two studies at once
 * share it when they ask for the same master; a study asking for another master while one runs is
 * refused with an error, since Spark cannot hold two.
 */
final class SharedContext {

    private static JavaSparkContext context;
    private static String master;
    private static int users;

    private SharedContext() {}

    /**
     * The context for CONF's master (and threads per trial), created (through {@link SparkContext#getOrCreate})
     * if none runs.
     */
    static synchronized JavaSparkContext acquire(SparkConf conf) {
        String wanted = conf.get("spark.master") + ", spark.task.cpus " + conf.get("spark.task.cpus", "1");
        if (context != null && users > 0 && !Objects.equals(master, wanted)) {
            throw new UserInputException("Spark runs another study on " + master + " in this process; it cannot"
                    + " also run one on " + wanted + ". Fix: wait for that study to end, or use the same master and"
                    + " threads per trial");
        }
        if (context == null || context.sc().isStopped()) {
            context = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
            master = wanted;
            users = 0;
        }
        users++;
        return context;
    }

    /** Gives CONTEXT back; the last user's release stops it. */
    static synchronized void release(JavaSparkContext released) {
        if (released != context || users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            context.stop();
            context = null;
            master = null;
        }
    }
}
