package org.reprogram.workbench.core.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.nio.file.Path;
import java.util.Map;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.baseline.BaselineConfig;
import org.reprogram.workbench.core.baseline.BaselineKind;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * config.json of a run folder: the run's config object with a leading {@code "method"} field,
 * "reprogram" ({@link TrainConfig}) or a baseline id ({@link BaselineConfig}). Files written
 * before the field existed are reprogramming runs.
 *
 * @param method "reprogram", "linear-probe", "finetune" or "scratch"
 * @param train the reprogramming config, or for a baseline its {@link BaselineConfig#asTrainConfigView() view}
 * @param baseline the baseline config, null for reprogramming runs
 */
public record RunConfigFile(String method, TrainConfig train, BaselineConfig baseline) {

    static final String METHOD = "method";

    /** CONFIG as JSON with {@code "method": METHOD} first. */
    static String toJson(String method, Object config) {
        JsonObject out = new JsonObject();
        out.addProperty(METHOD, method);
        for (Map.Entry<String, JsonElement> e : Json.GSON.toJsonTree(config).getAsJsonObject().entrySet()) {
            if (!METHOD.equals(e.getKey())) {
                out.add(e.getKey(), e.getValue());
            }
        }
        return Json.toJson(out); // keeps the nulls that stand for NaN // keeps the nulls that stand for NaN
    }

    /** Reads FILE; a missing, malformed or unknown-method file is a {@link UserInputException}. */
    public static RunConfigFile read(Path file) {
        String fix = "choose a folder written by Reprogram Workbench";
        JsonObject o = Json.read(file, JsonObject.class, fix);
        String method = o.has(METHOD) && o.get(METHOD).isJsonPrimitive() ? o.get(METHOD).getAsString()
                : TrainingResult.METHOD_REPROGRAM;
        for (String key : new String[] {"source", "target"}) { // every run has them, reprogramming or baseline
            if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
                throw UserInputException.forFile(file, "is not a run config (no \"" + key + "\"; it holds "
                        + (o.keySet().isEmpty() ? "nothing" : String.join(", ", o.keySet().stream().limit(5).toList()))
                        + ")", fix);
            }
        }
        try {
            if (TrainingResult.METHOD_REPROGRAM.equals(method)) {
                return new RunConfigFile(method, Json.GSON.fromJson(o, TrainConfig.class), null);
            }
            if (BaselineKind.fromMethod(method) == null) {
                throw UserInputException.forFile(file, "unknown \"method\": '" + method + "' (known: reprogram, "
                        + BaselineKind.ids() + ")", "open it with the workbench version that wrote it");
            }
            BaselineConfig b = Json.GSON.fromJson(o, BaselineConfig.class);
            if (b.kind() == null) {
                b = b.withKind(BaselineKind.fromMethod(method));
            }
            return new RunConfigFile(method, b.asTrainConfigView(), b);
        } catch (JsonParseException e) {
            throw UserInputException.forFile(file, "is not a valid run config (" + e.getMessage() + ")", fix, e);
        }
    }
}
