package org.reprogram.workbench.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * One row per run folder, reprogramming and baselines side by side: what was trained, how well,
 * at what cost. Front ends only lay it out ({@link #cells()}); {@link #toCsv()} writes the raw
 * numbers as result.json holds them.
 */
public final class ComparisonTable {

    /** Column titles, in order (the CSV header row). */
    public static final List<String> HEADER = List.of("run", "status", "method", "program", "mapping", "frame",
            "trainer", "test_accuracy", "test_accuracy_at_best_val", "best_epoch", "trainable_parameters",
            "wall_seconds", "peak_rss_mb", "training_queries", "mapping_queries", "evaluation_queries");

    /**
     * One run. Missing values (no result.json, or a folder that could not be read) are NaN for
     * decimals and null for counts.
     *
     * @param run folder name
     * @param status completed, stopped, cancelled, failed, incomplete or "unreadable: reason"
     * @param method "reprogram" or the baseline id
     * @param program input program id, "-" for baselines
     * @param mapping label mapping id, or the baseline's head ("linear-head", "linear-on-logits")
     * @param frame frame activation of pad/scale programs, else "-"
     * @param trainer whitebox, blackbox or baseline
     * @param testAccuracy final test accuracy
     * @param testAccuracyAtBestVal test accuracy with the best validation epoch's state
     * @param bestEpoch that epoch
     * @param trainableParameters weights the optimizer updated
     * @param wallSeconds wall time of the run
     * @param peakRssMegabytes peak resident memory of the process that ran it
     * @param trainingQueries images the model answered for training steps
     * @param mappingQueries ... for label-mapping passes
     * @param evaluationQueries ... for validation, test and previews
     */
    public record Row(String run, String status, String method, String program, String mapping, String frame,
            String trainer, double testAccuracy, double testAccuracyAtBestVal, Integer bestEpoch,
            Long trainableParameters, double wallSeconds, double peakRssMegabytes, Long trainingQueries,
            Long mappingQueries, Long evaluationQueries) {

        /** The row of a run read back from its folder ("unreadable: reason" for an unreadable one). */
        public static Row of(RunRecord r) {
            if (!r.readable()) {
                return unreadable(r.name(), firstLine(r.problem()));
            }
            TrainingResult x = r.result();
            return new Row(r.name(), r.status(), r.method(), r.program(), r.mapping(), r.frame(), r.trainer(),
                    x == null ? Double.NaN : x.testAccuracy(), x == null ? Double.NaN : x.testAccuracyAtBestVal(),
                    x == null ? null : x.bestEpoch(), x == null ? null : x.trainableParameters(),
                    x == null ? Double.NaN : x.wallSeconds(), x == null ? Double.NaN : x.peakRssMegabytes(),
                    x == null ? null : x.trainingQueries(), x == null ? null : x.mappingQueries(),
                    x == null ? null : x.evaluationQueries());
        }

        /** A folder that could not be read, with the reason. */
        public static Row unreadable(String name, String reason) {
            return new Row(name, "unreadable: " + reason, "-", "-", "-", "-", "-", Double.NaN, Double.NaN, null, null,
                    Double.NaN, Double.NaN, null, null, null);
        }

        public boolean readable() {
            return !status.startsWith("unreadable");
        }

        /** Raw values in {@link #HEADER} order; missing ones are empty. */
        List<String> values() {
            return List.of(run, status, method, program, mapping, frame, trainer, raw(testAccuracy),
                    raw(testAccuracyAtBestVal), raw(bestEpoch), raw(trainableParameters), raw(wallSeconds),
                    raw(peakRssMegabytes), raw(trainingQueries), raw(mappingQueries), raw(evaluationQueries));
        }

        /** Display values in {@link #HEADER} order; missing ones are "-". */
        List<String> cells() {
            return List.of(run, status, method, program, mapping, frame, trainer,
                    Double.isNaN(testAccuracy) ? "-" : fmt("%.4f", testAccuracy),
                    Double.isNaN(testAccuracyAtBestVal) ? "-" : fmt("%.4f", testAccuracyAtBestVal),
                    bestEpoch == null ? "-" : bestEpoch.toString(),
                    trainableParameters == null ? "-" : fmt("%,d", trainableParameters),
                    Double.isNaN(wallSeconds) ? "-" : fmt("%.1f", wallSeconds),
                    Double.isNaN(peakRssMegabytes) ? "-" : fmt("%.0f", peakRssMegabytes),
                    trainingQueries == null ? "-" : fmt("%,d", trainingQueries),
                    mappingQueries == null ? "-" : fmt("%,d", mappingQueries),
                    evaluationQueries == null ? "-" : fmt("%,d", evaluationQueries));
        }
    }

    private final List<Row> rows;

    private ComparisonTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows of RUNS, in order. */
    public static List<Row> rows(List<RunRecord> runs) {
        return runs.stream().map(Row::of).toList();
    }

    /** The table of RUNS (already read, e.g. the GUI's runs list), in order. */
    public static ComparisonTable of(List<RunRecord> runs) {
        return new ComparisonTable(rows(runs));
    }

    /** Reads every folder in DIRS; one that is not a readable run becomes an "unreadable: reason" row. */
    public static ComparisonTable load(List<Path> dirs) {
        List<Row> rows = new ArrayList<>();
        for (Path d : dirs) {
            String name = d.getFileName() == null ? d.toString() : d.getFileName().toString();
            if (!Files.isDirectory(d)) {
                rows.add(Row.unreadable(name, Files.exists(d) ? "not a folder" : "no such folder"));
            } else if (!Files.isRegularFile(d.resolve(RunFiles.CONFIG))) {
                rows.add(Row.unreadable(name, "no " + RunFiles.CONFIG + " (not a run folder)"));
            } else {
                rows.add(Row.of(RunStore.loadOrUnreadable(d)));
            }
        }
        return new ComparisonTable(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Number of rows whose folder could be read (complete or not). */
    public long readable() {
        return rows.stream().filter(Row::readable).count();
    }

    /** Display strings, one list per row, in {@link #HEADER} order. */
    public List<List<String>> cells() {
        return rows.stream().map(Row::cells).toList();
    }

    /** The table as CSV: header row, then raw values (full precision, empty when missing). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Row r : rows) {
            sb.append(String.join(",", r.values().stream().map(ComparisonTable::csv).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    private static String raw(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String raw(Number v) {
        return v == null ? "" : v.toString();
    }

    private static String fmt(String f, Object v) {
        return String.format(Locale.ROOT, f, v);
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s);
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
