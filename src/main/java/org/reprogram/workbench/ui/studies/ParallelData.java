package org.reprogram.workbench.ui.studies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.SweepParameter;

/**
 * What the parallel-coordinates view draws: one axis per swept setting plus the metric, one line
 * per finished reprogramming configuration, each value placed on its axis between 0 (bottom) and 1
 * (top). A numeric axis is linear (logarithmic where its values are positive and span a factor of
 * 100 or more); an axis of words spaces its values evenly in alphabetical order. A setting that does
 * not apply to a configuration (an inner size with program full) has no point (NaN): its line
 * skips that axis.
 *
 * @param axes the axes, left to right; the last is the metric
 * @param lines one per configuration, best first
 */
public record ParallelData(List<Axis> axes, List<Line> lines) {

    /** The metric axis's name. */
    public static final String METRIC = "val acc";

    /**
     * An axis.
     *
     * @param name the setting's id (or {@link #METRIC})
     * @param ticks the labels to write along it, bottom to top
     * @param tickPositions where each tick stands (0..1)
     */
    public record Axis(String name, List<String> ticks, List<Double> tickPositions) {}

    /**
     * A configuration's line.
     *
     * @param label its short name
     * @param positions its place on each axis (0..1; NaN: no value there)
     * @param metric its mean validation accuracy (what colours it)
     */
    public record Line(String label, List<Double> positions, double metric) {}

    static final ParallelData EMPTY = new ParallelData(List.of(), List.of());

    /** The data of RESULTS (its swept settings and its leaderboard's reprogramming configurations). */
    static ParallelData of(StudyResults results) {
        List<ConfigurationStats> configs = results.statistics().leaderboard().stream()
                .filter(c -> !c.isBaseline()).toList();
        if (configs.isEmpty()) {
            return EMPTY;
        }
        List<Axis> axes = new ArrayList<>();
        List<List<Double>> columns = new ArrayList<>();
        for (SweepParameter p : results.spec().parameters()) {
            List<String> texts = configs.stream().map(c -> c.key().settings().get(p.id())).toList();
            Set<String> order = new TreeSet<>();
            texts.stream().filter(t -> t != null && !t.equals("-")).forEach(order::add);
            Scale scale = Scale.of(new ArrayList<>(order));
            axes.add(new Axis(p.id(), scale.ticks(), scale.tickPositions()));
            columns.add(texts.stream().map(scale::position).toList());
        }
        double[] metric = configs.stream().mapToDouble(c -> c.validation().mean()).toArray();
        Scale m = Scale.ofNumbers(metric);
        axes.add(new Axis(METRIC, m.ticks(), m.tickPositions()));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            List<Double> pos = new ArrayList<>();
            for (List<Double> col : columns) {
                pos.add(col.get(i));
            }
            pos.add(m.position(String.valueOf(metric[i])));
            lines.add(new Line(configs.get(i).label(), pos, metric[i]));
        }
        return new ParallelData(axes, lines);
    }

    /** How one axis places values. */
    private record Scale(List<String> words, double low, double high, boolean log) {

        static Scale of(List<String> values) {
            double[] nums = new double[values.size()];
            for (int i = 0; i < nums.length; i++) {
                try {
                    nums[i] = Double.parseDouble(values.get(i));
                } catch (NumberFormatException e) {
                    return new Scale(values, 0, 0, false);
                }
            }
            return ofNumbers(nums);
        }

        static Scale ofNumbers(double[] nums) {
            double lo = java.util.Arrays.stream(nums).min().orElse(0);
            double hi = java.util.Arrays.stream(nums).max().orElse(1);
            boolean log = lo > 0 && hi / lo >= 100;
            return new Scale(null, lo, hi, log);
        }

        double position(String text) {
            if (text == null || text.equals("-")) {
                return Double.NaN;
            }
            if (words != null) {
                int i = words.indexOf(text);
                return i < 0 ? Double.NaN : words.size() == 1 ? 0.5 : (double) i / (words.size() - 1);
            }
            double v = Double.parseDouble(text);
            if (high == low) {
                return 0.5;
            }
            return log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
        }

        List<String> ticks() {
            if (words != null) {
                return words;
            }
            return high == low ? List.of(num(low)) : List.of(num(low), num(high));
        }

        List<Double> tickPositions() {
            if (words != null) {
                return words.stream().map(this::position).toList();
            }
            return high == low ? List.of(0.5) : List.of(0.0, 1.0);
        }

        private static String num(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e9) {
                return Long.toString((long) v);
            }
            return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
        }
    }
}
