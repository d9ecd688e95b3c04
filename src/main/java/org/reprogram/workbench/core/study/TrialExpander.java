package org.reprogram.workbench.core.study;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;

/**
 * Expands a {@link StudySpec} into its {@link Trial}s: the configurations (grid or random draws),
 * collapsed to the distinct ones on the settings that apply to them, each with every seed, then the
 * baselines with every seed.
 */
final class TrialExpander {

    /** Draws in a row that repeat known configurations after which a random study settles for fewer than run_cap. */
    static final int MAX_REPEATED_DRAWS = 1000;
    /** Hex digits of a trial id. */
    static final int ID_LENGTH = 12;

    private TrialExpander() {}

    static List<Trial> trials(StudySpec study) {
        List<Trial> out = new ArrayList<>();
        for (Configuration c : configurations(study)) {
            for (long seed : study.seeds()) {
                out.add(new Trial(id(c.key, seed), c.key, c.values, c.spec.withSeed(seed)));
            }
        }
        for (Method m : study.baselines()) {
            RunSpec b = baseline(study.base(), m);
            ConfigurationKey key = ConfigurationKey.of(b);
            for (long seed : study.seeds()) {
                out.add(new Trial(id(key, seed), key, Map.of(), b.withSeed(seed)));
            }
        }
        return out;
    }

    /** BASE switched to baseline METHOD with that method's learning rate, epochs and schedule; same data and source. */
    static RunSpec baseline(RunSpec base, Method method) {
        return base.withMethod(method).with(Settings.LR, Settings.LR.defaultFor(method))
                .with(Settings.EPOCHS, Settings.EPOCHS.defaultFor(method))
                .with(Settings.SCHEDULE, Settings.SCHEDULE.defaultFor(method));
    }

    /** The distinct configurations, in the grid's order or the order drawn. */
    static List<Configuration> configurations(StudySpec study) {
        Map<ConfigurationKey, Configuration> distinct = new LinkedHashMap<>();
        if (study.method() == SearchMethod.GRID) {
            for (List<Object> combination : product(study.parameters())) {
                Configuration c = configuration(study.base(), study.parameters(), combination);
                distinct.putIfAbsent(c.key, c);
            }
        } else {
            Random random = new Random(study.seed());
            int repeated = 0;
            while (distinct.size() < study.runCap() && repeated < MAX_REPEATED_DRAWS) {
                List<Object> draw = new ArrayList<>();
                study.parameters().forEach(p -> draw.add(p.draw(random)));
                Configuration c = configuration(study.base(), study.parameters(), draw);
                repeated = distinct.putIfAbsent(c.key, c) == null ? 0 : repeated + 1;
            }
        }
        return List.copyOf(distinct.values());
    }

    /**
     * BASE with VALUES (one per parameter); a swept setting that does not apply to the result keeps the
     * base's value, so configurations that differ only there are equal.
     */
    private static Configuration configuration(RunSpec base, List<SweepParameter> parameters, List<Object> values) {
        RunSpec spec = base;
        for (int i = 0; i < parameters.size(); i++) {
            spec = spec.withValue(parameters.get(i).setting(), values.get(i));
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Setting<?> s = parameters.get(i).setting();
            if (s.appliesTo(spec)) {
                shown.put(s.id(), s.parameter().formatObject(values.get(i)));
            } else {
                spec = spec.withValue(s, s.get(base));
            }
        }
        return new Configuration(spec, ConfigurationKey.of(spec), shown);
    }

    /** The cartesian product of the parameters' values, the first parameter varying slowest. */
    private static List<List<Object>> product(List<SweepParameter> parameters) {
        List<List<Object>> out = new ArrayList<>();
        out.add(List.of());
        for (SweepParameter p : parameters) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : out) {
                for (Object v : p.values()) {
                    List<Object> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Whether P's setting applies to the base with some combination of the other listed values (the
     * ones that can switch method, program, mapping or trainer); ranges keep the base's value.
     */
    static boolean appliesSomewhere(SweepParameter p, RunSpec base, List<SweepParameter> parameters) {
        List<SweepParameter> lists = parameters.stream().filter(q -> q != p && !q.distribution().isRange()).toList();
        for (List<Object> combination : product(lists)) {
            RunSpec spec = base;
            for (int i = 0; i < lists.size(); i++) {
                spec = spec.withValue(lists.get(i).setting(), combination.get(i));
            }
            if (p.setting().appliesTo(spec)) {
                return true;
            }
        }
        return false;
    }

    /** A short hash of the configuration KEY and SEED. */
    static String id(ConfigurationKey key, long seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((key + ";seed=" + seed).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** A configuration: its run (seed not yet set), its key, and its applicable swept values as text. */
    record Configuration(RunSpec spec, ConfigurationKey key, Map<String, String> values) {}
}
