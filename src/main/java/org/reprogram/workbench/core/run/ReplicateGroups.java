package org.reprogram.workbench.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.reprogram.workbench.core.report.Csv;
import org.reprogram.workbench.core.report.MeanStd;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * Replicates: runs with the same method and the same value of every {@link RunParameter} but the
 * seed, grouped so that their test accuracy reads as mean ± sample standard deviation over the
 * seeds. A folder that cannot be read is a group of its own.
 */
public final class ReplicateGroups {

    /** The numbers a group reports, each the mean over the replicates that have it (test accuracy also its std). */
    public enum Figure {
        TEST_ACCURACY("test_accuracy", r -> result(r, TrainingResult::testAccuracy)),
        TEST_AT_BEST_VAL("test_accuracy_at_best_val", r -> result(r, TrainingResult::testAccuracyAtBestVal)),
        BEST_VAL("best_val_accuracy", r -> result(r, TrainingResult::bestValAccuracy)),
        EPOCHS("epochs_finished", r -> r.readable() ? r.metrics().size() : Double.NaN),
        QUERIES("queries", r -> r.result() == null || !"blackbox".equals(r.trainer()) ? Double.NaN
                : r.result().queries()),
        TRAINABLE("trainable_parameters", r -> result(r, x -> x.trainableParameters())),
        WALL_SECONDS("wall_seconds", r -> result(r, TrainingResult::wallSeconds)),
        IMAGES_PER_SECOND("images_per_second", r -> result(r, TrainingResult::imagesPerSecond));

        private final String id;
        private final ToDoubleFunction<RunRecord> value;

        Figure(String id, ToDoubleFunction<RunRecord> value) {
            this.id = id;
            this.value = value;
        }

        /** CSV column name. */
        public String id() {
            return id;
        }

        /** RUN's value, NaN when it has none (no result yet, not a black-box run, ...). */
        public double of(RunRecord run) {
            return value.applyAsDouble(run);
        }

        private static double result(RunRecord r, ToDoubleFunction<TrainingResult> f) {
            return r.result() == null ? Double.NaN : f.applyAsDouble(r.result());
        }
    }

    /** Runs of one setting, in the order they were given. */
    public record Group(List<RunRecord> runs) {

        public Group {
            runs = List.copyOf(runs);
        }

        /** The number of runs (replicates). */
        public int n() {
            return runs.size();
        }

        /** The first run: its settings are the group's. */
        public RunRecord first() {
            return runs.get(0);
        }

        /** Mean and sample std of F over the runs that have a value. */
        public MeanStd stat(Figure f) {
            return MeanStd.of(runs.stream().mapToDouble(f::of).toArray());
        }

        /** The group's value of P: the shared one, or the runs' distinct values joined ("1, 2, 3" for seeds). */
        public String value(RunParameter p) {
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            runs.forEach(r -> seen.add(p.valueOf(r)));
            List<String> values = new ArrayList<>(seen);
            if (values.stream().allMatch(v -> v.matches("-?\\d{1,18}"))) {
                values.sort(java.util.Comparator.comparingLong(Long::parseLong)); // seeds in order: "1, 2, 3"
            }
            return String.join(", ", values);
        }
    }

    private ReplicateGroups() {}

    /** RUNS grouped by their settings but the seed; groups in the order of their first run. */
    public static List<Group> of(List<RunRecord> runs) {
        Map<String, List<RunRecord>> groups = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            groups.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream().map(Group::new).toList();
    }

    /** What replicates share: method and every setting but the seed (a folder's path when it is unreadable). */
    static String key(RunRecord r) {
        if (!r.readable() || r.config() == null) {
            return "unreadable\u0000" + r.dir();
        }
        StringBuilder k = new StringBuilder(r.method());
        for (RunParameter p : RunParameter.values()) {
            if (p != RunParameter.SEED) {
                k.append('\u0000').append(p.valueOf(r));
            }
        }
        return k.toString();
    }

    /**
     * The groups as CSV (RFC 4180): n, the folders, method, every setting (seeds: the group's seeds),
     * test accuracy mean, sample std and how many runs had one, then the mean of every other
     * {@link Figure}; full precision, empty where there is no value.
     */
    public static String toCsv(List<Group> groups) {
        List<String> header = new ArrayList<>(List.of("n", "runs", "method"));
        for (RunParameter p : RunParameter.values()) {
            header.add(p == RunParameter.SEED ? "seeds" : p.id());
        }
        header.addAll(List.of("test_accuracy_mean", "test_accuracy_std", "test_accuracy_n"));
        for (Figure f : Figure.values()) {
            if (f != Figure.TEST_ACCURACY) {
                header.add(f.id() + "_mean");
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Group g : groups) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(g.n()));
            row.add(String.join(" ", g.runs().stream().map(RunRecord::name).toList()));
            row.add(g.first().method());
            for (RunParameter p : RunParameter.values()) {
                row.add(g.value(p));
            }
            MeanStd acc = g.stat(Figure.TEST_ACCURACY);
            row.addAll(List.of(raw(acc.mean()), raw(acc.std()), Integer.toString(acc.n())));
            for (Figure f : Figure.values()) {
                if (f != Figure.TEST_ACCURACY) {
                    row.add(raw(g.stat(f).mean()));
                }
            }
            rows.add(row);
        }
        return Csv.table(header, rows);
    }

    private static String raw(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
