package org.reprogram.workbench.core.run;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;

/**
 * config.json of a run folder: the run's {@link RunSpec}, reprogramming or baseline, written from the
 * parameter registry ({@link RunSpecJson}: {@code "format": 2}, {@code "method"}, then each setting by
 * id). Files written before the registry (flat fields, with or without {@code "method"}) read back
 * as the runs they were.
 *
 * @param spec the run's specification
 */
public record RunConfigFile(RunSpec spec) {

    /** SPEC as config.json's text. */
    static String toJson(RunSpec spec) {
        JsonObject o = RunSpecJson.toJson(spec);
        JsonObject out = new JsonObject();
        out.add("format", o.remove("format"));
        out.addProperty("method", spec.method().id());
        o.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
        return Json.toJson(out);
    }

    /** Reads FILE; a missing, malformed or unknown-method file is a {@link UserInputException}. */
    public static RunConfigFile read(Path file) {
        String fix = "choose a folder written by Reprogram Workbench";
        JsonObject o = Json.read(file, JsonObject.class, fix);
        boolean current = o.has("format");
        for (String key : current ? new String[] {"source", "data.target"} : new String[] {"source", "target"}) {
            if (!o.has(key) || !o.get(key).isJsonPrimitive()) { // every run has them, reprogramming or baseline
                throw UserInputException.forFile(file, "is not a run config (no \"" + key + "\"; it holds "
                        + (o.keySet().isEmpty() ? "nothing" : String.join(", ", o.keySet().stream().limit(5).toList()))
                        + ")", fix);
            }
        }
        return new RunConfigFile(RunSpecJson.fromJson(o, file));
    }
}
