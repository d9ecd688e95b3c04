package org.reprogram.workbench.core.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Short names that tell compared runs apart, for a chart's legend: only the settings that differ
 * between the runs, plus the seed ("pad · lr 0.05 · seed 1" instead of
 * "20260301-101000-pad-linear-digits"). A name the user gave a run is kept as it is; a run that
 * cannot be told apart this way (an unreadable folder, or two runs with equal settings and seed)
 * keeps its display name.
 */
public final class ShortNames {

    /** Settings whose value says enough without its title ("pad", "ilm", "blackbox"). */
    private static final Set<RunParameter> BARE = Set.of(RunParameter.PROGRAM, RunParameter.MAPPING,
            RunParameter.TRAINER, RunParameter.LOSS, RunParameter.SCHEDULE);
    /** Settings that hold a path: only its last part is shown. */
    private static final Set<RunParameter> PATHS = Set.of(RunParameter.SOURCE, RunParameter.TARGET);
    /** Settings that differ between methods by nature: when methods differ, the method's prefix says them. */
    private static final Set<RunParameter> BY_METHOD = Set.of(RunParameter.PROGRAM, RunParameter.MAPPING,
            RunParameter.TRAINER);

    private ShortNames() {}

    /** The short names of RUNS, in order (one run: its display name). */
    public static List<String> of(List<RunRecord> runs) {
        return of(runs, true);
    }

    /**
     * As {@link #of(List)}; without SEED the seed is left out (names of groups of replicates, which
     * pool seeds), and a run with no differing setting keeps its display name.
     */
    public static List<String> of(List<RunRecord> runs, boolean seed) {
        List<String> names = new ArrayList<>();
        if (runs.size() < 2) {
            runs.forEach(r -> names.add(r.displayName()));
            return names;
        }
        List<RunRecord> readable = runs.stream().filter(r -> r.readable() && r.config() != null).toList();
        boolean methods = readable.stream().map(RunRecord::method).distinct().count() > 1;
        List<RunParameter> shown = new ArrayList<>();
        for (RunParameter p : RunParameter.differing(readable)) {
            if (p == RunParameter.SEED || methods && BY_METHOD.contains(p)) {
                continue; // the seed comes last; the method's own settings are said by its prefix
            }
            Set<String> values = new HashSet<>();
            readable.forEach(r -> values.add(shown(p, r)));
            values.remove(RunParameter.NONE);
            if (values.size() > 1) { // it tells at least two runs apart (not only "applies or not")
                shown.add(p);
            }
        }
        for (RunRecord r : runs) {
            names.add(!r.notes().name().isEmpty() || !r.readable() || r.config() == null ? r.displayName()
                    : generated(r, shown, methods, seed));
        }
        Map<String, Integer> count = new HashMap<>();
        names.forEach(n -> count.merge(n, 1, Integer::sum));
        for (int i = 0; i < names.size(); i++) {
            if (count.get(names.get(i)) > 1) {
                names.set(i, runs.get(i).displayName());
            }
        }
        return names;
    }

    private static String generated(RunRecord r, List<RunParameter> shown, boolean methods, boolean seed) {
        List<String> parts = new ArrayList<>();
        if (methods) {
            parts.add(r.isBaseline() ? r.method() : r.program() + " · " + r.mapping());
        }
        for (RunParameter p : shown) {
            String v = shown(p, r);
            if (!RunParameter.NONE.equals(v)) {
                parts.add(BARE.contains(p) ? v : p.title() + " " + v);
            }
        }
        if (seed) {
            parts.add(RunParameter.SEED.title() + " " + RunParameter.SEED.valueOf(r));
        }
        return parts.isEmpty() ? r.displayName() : String.join(" · ", parts);
    }

    /** R's value of P as the name shows it (a path: its last part). */
    private static String shown(RunParameter p, RunRecord r) {
        String v = p.valueOf(r);
        if (PATHS.contains(p) && !RunParameter.NONE.equals(v)) {
            String trimmed = v.replaceAll("[/\\\\]+$", "");
            return trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        }
        return v;
    }
}
