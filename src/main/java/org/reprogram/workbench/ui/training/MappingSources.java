package org.reprogram.workbench.ui.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Which source classes each target class is read from, and which example pictures stand for
 * them beside the mapping. A fixed mapping (one with an {@code LabelMapping.assignment()}) names its
 * sources; a weighted one (assignment null) shows the sources whose weight is in the upper half of the row's range,
 * best first, so a clear winner shows alone and close runners-up show beside it.
 */
final class MappingSources {

    /** Sources shown per target class at most. */
    static final int MAX_SOURCES = 3;

    /**
     * One source class of a target class.
     *
     * @param sourceClass index of the source class
     * @param weight its mapping weight for the target class
     * @param assigned true when the mapping assigns it (fixed mappings), false when it is one of
     *     the largest weights (learned mappings)
     */
    record Source(int sourceClass, float weight, boolean assigned) {}

    /**
     * A picture beside a target class: example EXAMPLE of the row's source SOURCE.
     *
     * @param source the source class it shows
     * @param example index into that class's examples
     */
    record Picture(Source source, int example) {}

    private MappingSources() {}

    /** Per target class, its sources: W is K_s x K_t, ASSIGNMENT per target class or null. */
    static List<List<Source>> of(float[][] w, int[][] assignment) {
        return of(w, assignment, MAX_SOURCES);
    }

    /** As {@link #of(float[][], int[][])}, with at most MAX sources per target class. */
    static List<List<Source>> of(float[][] w, int[][] assignment, int max) {
        int ks = w.length;
        int kt = ks == 0 ? 0 : w[0].length;
        List<List<Source>> rows = new ArrayList<>();
        for (int t = 0; t < kt; t++) {
            List<Source> row = new ArrayList<>();
            if (assignment != null && t < assignment.length) {
                for (int s : assignment[t]) {
                    if (row.size() < max && s >= 0 && s < ks) {
                        row.add(new Source(s, w[s][t], true));
                    }
                }
            } else {
                row.addAll(strongest(w, t, max));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The sources of target T with weight at least halfway from the row's minimum to its maximum, best first. */
    private static List<Source> strongest(float[][] w, int t, int limit) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float[] sourceRow : w) {
            min = Math.min(min, sourceRow[t]);
            max = Math.max(max, sourceRow[t]);
        }
        float cut = (min + max) / 2;
        List<Source> all = new ArrayList<>();
        for (int s = 0; s < w.length; s++) {
            if (w[s][t] >= cut) { // false for NaN weights (a diverged run): no pictures
                all.add(new Source(s, w[s][t], false));
            }
        }
        all.sort((a, b) -> Float.compare(b.weight(), a.weight()));
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * Up to N pictures for SOURCES, taking each source's examples in turn (one source: its first N
     * examples; N or more sources: the first of each of the first N). COUNTS gives the number of examples of each
     * source class; other sources without examples are skipped, but when the first (the best or first
     * assigned) has none, there are no pictures: they must not pass for the class the row names.
     */
    static List<Picture> pictures(List<Source> sources, int[] counts, int n) {
        List<Picture> out = new ArrayList<>();
        if (sources.isEmpty() || count(counts, sources.get(0)) == 0) {
            return out;
        }
        for (int round = 0; out.size() < n; round++) {
            boolean any = false;
            for (Source s : sources) {
                if (round < count(counts, s) && out.size() < n) {
                    out.add(new Picture(s, round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    private static int count(int[] counts, Source s) {
        return s.sourceClass() < counts.length ? counts[s.sourceClass()] : 0;
    }
}
