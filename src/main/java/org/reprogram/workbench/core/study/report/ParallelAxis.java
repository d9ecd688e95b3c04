package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One vertical axis of the parallel-coordinates figure: where a value sits on it (0 bottom, 1 top)
 * and its tick labels. Categories (or values that are not all numbers) are spaced evenly in the
 * spec's order; numbers are scaled, logarithmically when all are positive and they span more than
 * 10x (learning rates); a configuration the setting does not apply to sits at "n/a", at the bottom.
 *
 * @param title the axis' name
 * @param ticks the tick labels with their positions
 * @param positions each configuration's position, in the order of the values given
 */
record ParallelAxis(String title, List<Tick> ticks, List<Double> positions) {

    /** What a configuration without the setting shows. */
    static final String NOT_APPLICABLE = "n/a";

    /** A tick: LABEL at POSITION (0..1). */
    record Tick(String label, double position) {}

    /** The axis TITLE for VALUES (one per configuration, "" where the setting does not apply), ORDER first. */
    static ParallelAxis of(String title, List<String> values, List<String> order) {
        boolean missing = values.contains("");
        List<String> present = values.stream().filter(v -> !v.isEmpty()).toList();
        boolean numeric = !present.isEmpty() && present.stream().allMatch(ParallelAxis::isNumber);
        Set<String> distinct = new LinkedHashSet<>();
        if (numeric) {
            present.stream().mapToDouble(Double::parseDouble).sorted().distinct()
                    .forEach(d -> present.stream().filter(v -> Double.parseDouble(v) == d).findFirst()
                            .ifPresent(distinct::add));
        } else {
            order.stream().filter(present::contains).forEach(distinct::add);
            present.stream().sorted().forEach(distinct::add);
        }
        return numeric && distinct.size() > 1 ? numeric(title, values, new ArrayList<>(distinct), missing)
                : categorical(title, values, new ArrayList<>(distinct), missing);
    }

    private static ParallelAxis categorical(String title, List<String> values, List<String> categories,
            boolean missing) {
        List<String> all = new ArrayList<>();
        if (missing) {
            all.add("");
        }
        all.addAll(categories);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            double p = all.size() == 1 ? 0.5 : (double) i / (all.size() - 1);
            ticks.add(new Tick(all.get(i).isEmpty() ? NOT_APPLICABLE : all.get(i), p));
        }
        List<Double> positions = values.stream().map(v -> ticks.get(all.indexOf(v)).position()).toList();
        return new ParallelAxis(title, ticks, positions);
    }

    private static ParallelAxis numeric(String title, List<String> values, List<String> distinct, boolean missing) {
        double min = Double.parseDouble(distinct.get(0));
        double max = Double.parseDouble(distinct.get(distinct.size() - 1));
        boolean log = min > 0 && max / min > 10;
        double bottom = missing ? 0.15 : 0;
        java.util.function.DoubleUnaryOperator at = v -> bottom + (1 - bottom)
                * (log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min));
        List<Tick> ticks = new ArrayList<>();
        if (missing) {
            ticks.add(new Tick(NOT_APPLICABLE, 0));
        }
        if (distinct.size() <= 8) {
            distinct.forEach(v -> ticks.add(new Tick(v, at.applyAsDouble(Double.parseDouble(v)))));
        } else {
            for (int i = 0; i <= 4; i++) {
                double f = i / 4.0;
                double v = log ? min * Math.pow(max / min, f) : min + f * (max - min);
                ticks.add(new Tick(String.format(Locale.ROOT, "%.3g", v), at.applyAsDouble(v)));
            }
        }
        List<Double> positions = values.stream().map(v -> v.isEmpty() ? 0.0 : at.applyAsDouble(Double.parseDouble(v)))
                .toList();
        return new ParallelAxis(title + (log ? " (log)" : ""), ticks, positions);
    }

    /** The metric's axis: VALUES on round ticks (3 decimals) that cover them. */
    static ParallelAxis metric(String title, List<Double> values) {
        List<Double> ticks = NiceTicks.of(values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(1), 5);
        double lo = ticks.get(0);
        double span = ticks.get(ticks.size() - 1) - lo;
        return new ParallelAxis(title, ticks.stream().map(t -> new Tick(ReportFormat.num(t), (t - lo) / span)).toList(),
                values.stream().map(v -> (v - lo) / span).toList());
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
