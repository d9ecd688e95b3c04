package org.reprogram.workbench.core.spec;

import org.reprogram.workbench.core.param.RealType;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ProblemException;

/**
 * A run's config.json, written from the registry: {@code "format": 2}, the method, then every setting
 * that applies to the run by its id ({@code "optimization.lr": 0.05}), the same ids a study spec
 * uses. Files written before the registry (no "format": the flat TrainConfig and BaselineConfig
 * fields, enum names such as "BLM_PLUS") are read through each parameter's {@link
 * org.reprogram.workbench.core.param.Parameter#key() key}, with the defaults those versions had.
 */
public final class RunSpecJson {

    /** The format written now. */
    public static final int FORMAT = 2;
    static final String FORMAT_KEY = "format";

    private RunSpecJson() {}

    /** SPEC as config.json's object. */
    public static JsonObject toJson(RunSpec spec) {
        JsonObject o = new JsonObject();
        o.addProperty(FORMAT_KEY, FORMAT);
        for (Setting<?> s : ParameterRegistry.applicable(spec)) {
            o.add(s.id(), value(s, spec));
        }
        return o;
    }

    private static <T> JsonElement value(Setting<T> s, RunSpec spec) {
        T v = s.get(spec);
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return com.google.gson.JsonNull.INSTANCE; // strict JSON: read back as NaN, like every file of the run
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        return new JsonPrimitive(s.parameter().format(v));
    }

    /** The spec in O, read from FILE (named in errors): the current format or the one before the registry. */
    public static RunSpec fromJson(JsonObject o, Path file) {
        String fix = "open it with the workbench version that wrote it, or correct the value";
        Method method;
        try {
            method = o.has("method") && o.get("method").isJsonPrimitive() ? Method.parse(o.get("method").getAsString())
                    : Method.REPROGRAM;
        } catch (IllegalArgumentException e) {
            throw UserInputException.forFile(file, "unknown \"method\": '" + o.get("method").getAsString()
                    + "' (known: reprogram, " + Method.baselineIds() + ")", "open it with the workbench version that"
                    + " wrote it");
        }
        boolean current = o.has(FORMAT_KEY);
        RunSpec spec = ParameterRegistry.defaults(method);
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = e.getKey();
            if (key.equals(FORMAT_KEY) || key.equals("method")) {
                continue;
            }
            if (e.getValue().isJsonNull()) {
                Setting<?> real = current ? ParameterRegistry.find(key) : ParameterRegistry.byKey(key);
                if (real != null && real.parameter().type().javaType() == Double.class) {
                    spec = spec.withValue(real, Double.NaN); // a NaN written as null (strict JSON)
                }
                continue;
            }
            Setting<?> s = current ? ParameterRegistry.find(key) : ParameterRegistry.byKey(key);
            if (s == null) {
                if (current) {
                    throw UserInputException.forFile(file, "has an unknown setting \"" + key + "\"", fix);
                }
                continue; // a field of an older version that no longer exists (a baseline's "kind")
            }
            String text = e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
            try {
                spec = current ? s.withText(spec, text) : legacy(spec, s, text);
            } catch (ProblemException ex) {
                Problem p = ex.problems().get(0);
                throw UserInputException.forFile(file, "has \"" + key + "\": " + text + ", but "
                        + p.messageOnly(s.parameter().inSentence()), fix);
            }
        }
        return spec;
    }

    /** A value as versions before the registry wrote it: enum names ("BLM_PLUS", "TANH"), 0 for a default init scale. */
    private static RunSpec legacy(RunSpec spec, Setting<?> s, String text) {
        if (s == Settings.MAPPING) {
            text = text.toLowerCase(Locale.ROOT).replace("_plus", "+");
        }
        if (s.parameter().type() instanceof RealType && Double.parseDouble(text) == 0
                && s.id().equals("program.init_scale")) {
            return spec; // TrainConfig read a missing initScale (0) as the default
        }
        return s.withText(spec, text.toLowerCase(Locale.ROOT).equals(text) ? text : legacyChoice(s, text));
    }

    private static String legacyChoice(Setting<?> s, String text) {
        return s.parameter().type().choices().isEmpty() ? text : text.toLowerCase(Locale.ROOT);
    }
}
