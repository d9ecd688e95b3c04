package org.reprogram.workbench.core.run;

import java.util.ArrayList;
import java.util.HashMap;
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
        List<RunParameter> differ = new ArrayList<>(RunParameter.differing(runs));
        differ.remove(RunParameter.SEED);
        boolean methods = runs.stream().filter(RunRecord::readable).map(RunRecord::method).distinct().count() > 1;
        for (RunRecord r : runs) {
            names.add(!r.notes().name().isEmpty() || !r.readable() || r.config() == null ? r.displayName()
                    : generated(r, differ, methods, seed));
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

    private static String generated(RunRecord r, List<RunParameter> differ, boolean methods, boolean seed) {
        List<String> parts = new ArrayList<>();
        if (methods && r.isBaseline()) {
            parts.add(r.method());
        }
        for (RunParameter p : differ) {
            String v = p.valueOf(r);
            if (RunParameter.NONE.equals(v)) {
                continue;
            }
            if (PATHS.contains(p)) {
                String trimmed = v.replaceAll("[/\\\\]+$", "");
                v = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
            }
            parts.add(BARE.contains(p) ? v : p.title() + " " + v);
        }
        if (seed) {
            parts.add(RunParameter.SEED.title() + " " + RunParameter.SEED.valueOf(r));
        }
        return parts.isEmpty() ? r.displayName() : String.join(" · ", parts);
    }
}
