package org.reprogram.workbench.core.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * What identifies a configuration of a study: the method and every setting but the seed, as
 * registry id to value text ("method" to "reprogram", "optimization.lr" to "0.05", ...). Trials with
 * equal keys are replicates (they differ only by seed). The resources a run used (threads, data
 * memory, device) are left out: they change at most the last digits of the numbers, not the
 * configuration. Settings that do not apply to the run are not in it.
 *
 * @param settings setting id to value text, sorted by id
 */
public record ConfigurationKey(SortedMap<String, String> settings) {

    /** The key's entry for the method ("reprogram", "linear-probe", ...). */
    public static final String METHOD = "method";

    public ConfigurationKey {
        if (settings == null || !settings.containsKey(METHOD)) {
            throw new IllegalArgumentException("a configuration key needs its method");
        }
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
    }

    /** A key from METHOD and SETTINGS (id to value text; the method entry is added). */
    public static ConfigurationKey of(String method, Map<String, String> settings) {
        TreeMap<String, String> all = new TreeMap<>(settings);
        all.put(METHOD, method);
        return new ConfigurationKey(all);
    }

    /**
     * The key of SPEC: its method and every setting that applies to it but the seed and the
     * resources (how a trial runs, chosen by the study's runner, not what it trains). The one
     * definition of a configuration: the study spec's trials and the runs read back share it.
     */
    public static ConfigurationKey of(RunSpec spec) {
        TreeMap<String, String> all = new TreeMap<>();
        for (Setting<?> s : ParameterRegistry.applicable(spec)) {
            if (s != Settings.SEED && s != Settings.METHOD && !s.id().startsWith("resources.")) {
                all.put(s.id(), s.format(spec));
            }
        }
        return of(spec.method().id(), all);
    }

    /** The key of a readable RUN: {@link #of(RunSpec)} of its config.json. */
    public static ConfigurationKey of(RunRecord run) {
        return of(run.config());
    }

    /** "reprogram", or a baseline's id. */
    public String method() {
        return settings.get(METHOD);
    }

    /**
     * A short readable name among the KEYS of one study: the settings whose values differ between
     * the keys of the same method, "id value" with the last part of the id ("program pad, mapping
     * ilm, lr 0.05"; settings that apply to some of them only are named where their values differ); a baseline's starts with its method ("linear-probe", "linear-probe, lr 0.01");
     * "reprogram" when nothing tells a reprogramming configuration apart.
     */
    public String labelAmong(Collection<ConfigurationKey> keys) {
        List<String> parts = new ArrayList<>();
        boolean baseline = !TrainingResult.METHOD_REPROGRAM.equals(method());
        if (baseline) {
            parts.add(method());
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String id = e.getKey();
            if (!id.equals(METHOD) && differsAmong(id, keys, method())) {
                parts.add(id.substring(id.lastIndexOf('.') + 1) + " " + e.getValue());
            }
        }
        return parts.isEmpty() ? method() : String.join(", ", parts);
    }

    /**
     * True when ID takes more than one value among those KEYS whose method is METHOD and to which it
     * applies: a setting that applies to some configurations only (a pad frame's inner size) but has one
     * value wherever it does names nothing; what makes it apply (the program) differs and is named.
     */
    private static boolean differsAmong(String id, Collection<ConfigurationKey> keys, String method) {
        Set<String> values = new HashSet<>();
        for (ConfigurationKey k : keys) {
            if (method.equals(k.method()) && k.settings().containsKey(id)) {
                values.add(k.settings().get(id));
            }
        }
        return values.size() > 1;
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
