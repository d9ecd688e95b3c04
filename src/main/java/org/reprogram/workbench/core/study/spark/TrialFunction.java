package org.reprogram.workbench.core.study.spark;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.resource.ResourceInformation;
import org.reprogram.workbench.core.study.TrialReturn;
import org.reprogram.workbench.core.study.TrialTask;
import org.reprogram.workbench.core.study.TrialProgress;
import org.reprogram.workbench.core.study.TrialWork;

/**
 * The function a trial's one-partition RDD maps its {@link TrialTask} with, on the executor: it
 * finds shipped files with {@link SparkFiles#get}, names the executor and the attempt, gives the
 * trial the GPU Spark assigned to the task (if any), and runs {@link TrialWork}. Serialised with the
 * job by Spark's JavaSerializer; it holds nothing.
 */
final class TrialFunction implements Function<TrialTask, TrialReturn> {

    private static final long serialVersionUID = 1L;

    /** The resource name of GPUs in Spark's resource scheduling. */
    static final String GPU = "gpu";

    @Override
    public TrialReturn call(TrialTask task) throws Exception {
        TaskContext context = TaskContext.get();
        SparkEnv env = SparkEnv.get();
        String host = "executor " + env.executorId() + " on " + env.blockManager().blockManagerId().host();
        TrialTask run = withGpu(task, context.resourcesJMap());
        return TrialWork.run(run, name -> Path.of(SparkFiles.get(name)), host, context.attemptNumber(),
                TrialProgress.listenerFor(run.trialId())); // live epochs in local mode; nobody listens on a cluster
    }

    /**
     * TASK on the GPU Spark assigned it: with {@code spark.task.resource.gpu.amount=1} a task holds one
     * GPU address, and the trial's {@code resources.device} becomes {@code gpu}. The run's device
     * names no index (DeviceSelector knows auto, cpu and gpu = GPU 0), so this is right where each
     * executor sees only its own GPU (one GPU per executor, the usual cluster setting); an executor
     * with several GPUs would need the address passed on ({@code gpu:ADDR}).
     */
    static TrialTask withGpu(TrialTask task, Map<String, ResourceInformation> resources) {
        ResourceInformation gpu = resources.get(GPU);
        if (gpu == null || gpu.addresses().length == 0) {
            return task;
        }
        JsonObject config = JsonParser.parseString(task.configJson()).getAsJsonObject();
        config.addProperty("resources.device", GPU);
        return new TrialTask(task.trialId(), config.toString(), task.stopAfterEpoch(), task.runFolder(),
                task.shipped());
    }
}
