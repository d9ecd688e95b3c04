package org.reprogram.workbench.ui.studies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;

/**
 * What the Studies form says, as a study spec in YAML (the format of docs/studies/example.yaml), so
 * that the spec reader checks it exactly as it checks a file given to {@code study run}. Every line
 * is known to belong to one field of the form ({@link Yaml#fieldAt}), so a reader's error, which
 * names its line, is shown under that field.
 *
 * @param name the study's name
 * @param base the run every trial starts from (the Train tab's setup)
 * @param varied swept setting id to its values as typed ("0.01, 0.05")
 * @param seeds the seed count as typed
 * @param baselines the baselines to run beside the configurations
 * @param random random search (else grid)
 * @param runCap configurations a random search draws, as typed
 * @param halving successive halving on validation accuracy
 * @param minIter the epochs of the first rung, as typed
 * @param eta the halving factor, as typed
 */
record StudyDraft(String name, RunSpec base, Map<String, String> varied, String seeds, List<Method> baselines,
        boolean random, String runCap, boolean halving, String minIter, String eta) {

    /** Field keys errors are shown under (besides "param:ID" for each varied setting). */
    static final String NAME = "name";
    static final String PARAMETERS = "parameters";
    static final String SEEDS = "seeds";
    static final String BASELINES = "baselines";
    static final String RUN_CAP = "run_cap";
    static final String HALVING = "halving";
    static final String BASE = "base";

    StudyDraft {
        varied = new LinkedHashMap<>(varied);
        baselines = List.copyOf(baselines);
    }

    /** The key of the field of the varied setting ID. */
    static String param(String id) {
        return "param:" + id;
    }

    /** The spec text, and which field each line belongs to. */
    record Yaml(String text, Map<Integer, String> fields) {

        /** The field of LINE (1-based); BASE for the lines of the setup's settings, null for none. */
        String fieldAt(int line) {
            return fields.get(line);
        }
    }

    Yaml yaml() {
        List<String> lines = new ArrayList<>();
        Map<Integer, String> fields = new LinkedHashMap<>();
        add(lines, fields, NAME, "name: " + quote(name.isBlank() ? "study" : name.strip()));
        add(lines, fields, RUN_CAP, "method: " + (random ? "random" : "grid"));
        if (random) {
            add(lines, fields, RUN_CAP, "run_cap: " + plain(runCap));
        }
        add(lines, fields, BASE, "base:");
        for (Setting<?> s : ParameterRegistry.applicable(base)) {
            if (s != Settings.THREADS) {
                add(lines, fields, BASE, "  " + s.id() + ": " + quote(s.format(base)));
            }
        }
        add(lines, fields, PARAMETERS, "parameters:" + (varied.isEmpty() ? " {}" : ""));
        varied.forEach((id, text) -> {
            add(lines, fields, param(id), "  " + id + ":");
            add(lines, fields, param(id), "    values: [" + String.join(", ", values(text).stream()
                    .map(StudyDraft::quote).toList()) + "]");
        });
        add(lines, fields, SEEDS, "seeds: " + plain(seeds));
        if (!baselines.isEmpty()) {
            add(lines, fields, BASELINES, "baselines: [" + String.join(", ", baselines.stream().map(Method::id)
                    .toList()) + "]");
        }
        if (halving) {
            add(lines, fields, HALVING, "early_terminate:");
            add(lines, fields, HALVING, "  type: hyperband");
            add(lines, fields, HALVING, "  min_iter: " + plain(minIter));
            add(lines, fields, HALVING, "  eta: " + plain(eta));
        }
        return new Yaml(String.join("\n", lines) + "\n", fields);
    }

    /** The values of a comma-separated TEXT, trimmed, empty ones left out. */
    static List<String> values(String text) {
        return Arrays.stream((text == null ? "" : text).split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .toList();
    }

    private static void add(List<String> lines, Map<Integer, String> fields, String field, String line) {
        lines.add(line);
        fields.put(lines.size(), field);
    }

    /** TEXT as a YAML single-quoted scalar: read back exactly as typed, whatever it holds. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A number field's text as typed, quoted where YAML would read it otherwise (empty, a list, ...). */
    private static String plain(String text) {
        String t = text == null ? "" : text.strip();
        return t.matches("-?[0-9]+") ? t : quote(t);
    }
}
