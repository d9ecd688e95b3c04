package org.reprogram.workbench.core.study;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.AtomicFolder;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.ZipFolder;
import org.reprogram.workbench.core.run.Baselines;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.TargetFingerprint;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * What an executor does with one {@link TrialTask}: unpack the shipped inputs it names (once per
 * executor, {@link ShippedInputs}), train the run, or continue the paused one, in a folder of its
 * own for this attempt (a killed attempt's files are never seen by another), suspend it after the
 * rung's epoch, and send the folder back zipped, its paths rewritten to the study's own (the run
 * folder reads as if it had been trained where the study is). The same code runs in local mode and
 * on a cluster; it knows nothing of Spark.
 */
public final class TrialWork {

    /** The run folder's files that name the source and the target. */
    private static final List<String> FILES_WITH_PATHS = List.of(RunFiles.CONFIG, RunFiles.RESULT,
            TargetFingerprint.FILE);

    private TrialWork() {}

    /**
     * Runs TASK (attempt ATTEMPT on HOST), finding shipped files with FILES; LISTENER (may be null)
     * hears the run's progress. Training failures come back as a failed run, not as an exception:
     * Spark retries only what a dead executor lost.
     */
    public static TrialReturn run(TrialTask task, ShippedFiles files, String host, int attempt,
            TrainingListener listener) throws IOException {
        long start = System.nanoTime();
        Map<String, String> local = new HashMap<>();
        for (Map.Entry<String, String> e : task.shipped().entrySet()) {
            local.put(e.getKey(), ShippedInputs.local(e.getValue(), files).toString());
        }
        JsonObject config = JsonParser.parseString(task.configJson()).getAsJsonObject();
        RunSpec spec = RunSpecJson.fromJson(replace(config, local).getAsJsonObject(), Path.of(task.trialId()));
        Path work = Files.createTempDirectory("reprogram-trial-" + task.trialId() + "-a" + attempt + "-");
        try {
            Path runDir = work.resolve(task.trialId());
            TrainingControl control = new TrainingControl();
            if (task.stopAfterEpoch() > 0 && task.stopAfterEpoch() < spec.optimization().epochs()) {
                control.suspendAfterEpoch(task.stopAfterEpoch());
            }
            TrainingListener heard = listener != null ? listener : new TrainingListener() { };
            TrainingResult result;
            int before = 0;
            String message;
            try {
                if (task.continues()) {
                    ZipFolder.unzip(task.runFolder(), runDir);
                    rewrite(runDir, local);
                    before = org.reprogram.workbench.core.run.CheckpointFile.read(runDir).epoch();
                    result = RunLauncher.resume(runDir, null, heard, control, 0);
                } else if (spec.isBaseline()) { // linear probe, fine-tuning, from scratch: the baseline command's path
                    result = Baselines.run(spec, () -> runDir, heard, control);
                } else {
                    result = RunLauncher.run(spec, null, runDir, heard, control, 0);
                }
                message = result.message();
            } catch (RuntimeException e) { // bad input the spec's checks could not see (a batch too large for the data)
                message = e.getMessage() != null ? e.getMessage() : e.toString();
                if (!Files.isDirectory(runDir)) {
                    return new TrialReturn(task.trialId(), null, "failed", before, 0, message, host, attempt,
                            seconds(start));
                }
                result = null;
            }
            Map<String, String> back = new HashMap<>();
            local.forEach((original, unpacked) -> back.put(unpacked, original));
            rewrite(runDir, back);
            Files.deleteIfExists(runDir.resolve(RunFiles.RUNNING)); // its process is no longer training it
            String status = result != null ? result.status().id() : "failed";
            int done = result != null ? result.epochs() : before;
            return new TrialReturn(task.trialId(), ZipFolder.zip(runDir), status, done, done - before, message, host,
                    attempt, seconds(start));
        } finally {
            AtomicFolder.deleteTreeQuietly(work);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Replaces, in the run folder's files that name paths, every string value that is a key of PATHS by its value. */
    static void rewrite(Path runDir, Map<String, String> paths) throws IOException {
        if (paths.isEmpty()) {
            return;
        }
        for (String name : FILES_WITH_PATHS) {
            Path f = runDir.resolve(name);
            if (Files.isRegularFile(f)) {
                JsonElement json = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
                AtomicFiles.writeString(f, Json.GSON.toJson(replace(json, paths)) + "\n");
            }
        }
    }

    /** JSON with every string value found in PATHS replaced (a copy). */
    static JsonElement replace(JsonElement json, Map<String, String> paths) {
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            String v = json.getAsString();
            return paths.containsKey(v) ? new JsonPrimitive(paths.get(v)) : json;
        }
        if (json.isJsonObject()) {
            JsonObject out = new JsonObject();
            json.getAsJsonObject().entrySet().forEach(e -> out.add(e.getKey(), replace(e.getValue(), paths)));
            return out;
        }
        if (json.isJsonArray()) {
            com.google.gson.JsonArray out = new com.google.gson.JsonArray();
            json.getAsJsonArray().forEach(e -> out.add(replace(e, paths)));
            return out;
        }
        return json;
    }
}
