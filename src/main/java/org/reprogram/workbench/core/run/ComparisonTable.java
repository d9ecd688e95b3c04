package org.reprogram.workbench.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * One row per run folder, reprogramming and baselines side by side: what was trained, how well,
 * at what cost. The printed table ({@link #titles()}, {@link #cells()}) shows the user's run
 * names and, as columns, only the {@link RunParameter settings} that differ between the runs
 * ({@link #shared()} lists the rest); {@link #toCsv()} writes every setting and the raw numbers
 * as result.json holds them.
 */
public final class ComparisonTable {

    /** The result columns, in order. */
    static final List<String> RESULTS = List.of("test_accuracy", "test_accuracy_at_best_val", "best_epoch",
            "trainable_parameters", "wall_seconds", "peak_rss_mb", "training_queries", "mapping_queries",
            "evaluation_queries");

    /** Parameters that have their own column before the results (the others follow them in the CSV). */
    private static final List<RunParameter> LEADING = List.of(RunParameter.PROGRAM, RunParameter.MAPPING,
            RunParameter.FRAME, RunParameter.TRAINER);

    /**
     * The zero-shot accuracy of a vision-language source on the target (result.json's
     * {@code zeroShot.testAccuracy}, the figure its runs are measured against): a printed column when a
     * compared run has one, the last CSV column.
     */
    static final String ZERO_SHOT = "zero_shot_accuracy";

    /** Its printed title. */
    static final String ZERO_SHOT_TITLE = "zero-shot";

    /**
     * The CSV header row: run, status, method, program, mapping, frame, trainer, the results, then
     * the user's name and note, every other {@link RunParameter} and the zero-shot accuracy (appended,
     * so the columns of older versions keep their places).
     */
    public static final List<String> HEADER = header();

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("run", "status", "method"));
        LEADING.forEach(p -> h.add(p.id()));
        h.addAll(RESULTS);
        h.addAll(List.of("name", "note"));
        for (RunParameter p : RunParameter.values()) {
            if (!LEADING.contains(p)) {
                h.add(p.id());
            }
        }
        h.add(ZERO_SHOT);
        return List.copyOf(h);
    }

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
     * @param name the user's name for the run ("" = none)
     * @param note the user's note ("" = none)
     * @param parameters the value of every {@link RunParameter}, in declaration order
     * @param zeroShotAccuracy the vision-language source's zero-shot test accuracy on the target (NaN for a
     *     classifier, or when the run recorded none)
     */
    public record Row(String run, String status, String method, String program, String mapping, String frame,
            String trainer, double testAccuracy, double testAccuracyAtBestVal, Integer bestEpoch,
            Long trainableParameters, double wallSeconds, double peakRssMegabytes, Long trainingQueries,
            Long mappingQueries, Long evaluationQueries, String name, String note, List<String> parameters,
            double zeroShotAccuracy) {

        public Row {
            parameters = List.copyOf(parameters);
        }

        /** This row's value of P. */
        public String parameter(RunParameter p) {
            return parameters.get(RunParameter.values().indexOf(p));
        }

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
                    x == null ? null : x.evaluationQueries(), r.notes().name(), r.notes().note(),
                    RunParameter.values().stream().map(p -> p.valueOf(r)).toList(), r.zeroShotAccuracy());
        }

        /** A folder that could not be read, with the reason. */
        public static Row unreadable(String name, String reason) {
            return new Row(name, "unreadable: " + reason, "-", "-", "-", "-", "-", Double.NaN, Double.NaN, null, null,
                    Double.NaN, Double.NaN, null, null, null, "", "",
                    java.util.Collections.nCopies(RunParameter.values().size(), RunParameter.NONE), Double.NaN);
        }

        public boolean readable() {
            return !status.startsWith("unreadable");
        }

        /** Raw values in {@link #HEADER} order; missing ones are empty. */
        List<String> values() {
            List<String> v = new ArrayList<>(List.of(run, status, method, program, mapping, frame, trainer));
            v.addAll(rawResults());
            v.add(name);
            v.add(note);
            for (RunParameter p : RunParameter.values()) {
                if (!LEADING.contains(p)) {
                    v.add(parameter(p));
                }
            }
            v.add(raw(zeroShotAccuracy));
            return v;
        }

        private List<String> rawResults() {
            return List.of(raw(testAccuracy), raw(testAccuracyAtBestVal), raw(bestEpoch), raw(trainableParameters),
                    raw(wallSeconds), raw(peakRssMegabytes), raw(trainingQueries), raw(mappingQueries),
                    raw(evaluationQueries));
        }

        /** The result cells for display, in {@link #RESULTS} order; missing ones are "-". */
        List<String> resultCells() {
            return List.of(Double.isNaN(testAccuracy) ? "-" : fmt("%.4f", testAccuracy),
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
    private final List<RunParameter> differing;
    private final String shared;

    private ComparisonTable(List<Row> rows, List<RunRecord> runs) {
        this.rows = List.copyOf(rows);
        this.differing = RunParameter.differing(runs);
        this.shared = RunParameter.shared(runs);
    }

    /** The rows of RUNS, in order. */
    public static List<Row> rows(List<RunRecord> runs) {
        return runs.stream().map(Row::of).toList();
    }

    /** The table of RUNS (already read, e.g. the GUI's runs list), in order. */
    public static ComparisonTable of(List<RunRecord> runs) {
        return new ComparisonTable(rows(runs), runs);
    }

    /** Reads every folder in DIRS; one that is not a readable run becomes an "unreadable: reason" row. */
    public static ComparisonTable load(List<Path> dirs) {
        List<Row> rows = new ArrayList<>();
        List<RunRecord> runs = new ArrayList<>();
        for (Path d : dirs) {
            String name = d.getFileName() == null ? d.toString() : d.getFileName().toString();
            if (!Files.isDirectory(d)) {
                rows.add(Row.unreadable(name, Files.exists(d) ? "not a folder" : "no such folder"));
            } else if (!Files.isRegularFile(d.resolve(RunFiles.CONFIG))) {
                rows.add(Row.unreadable(name, "no " + RunFiles.CONFIG + " (not a run folder)"));
            } else {
                RunRecord r = RunStore.loadOrUnreadable(d);
                runs.add(r);
                rows.add(Row.of(r));
            }
        }
        return new ComparisonTable(rows, runs);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Number of rows whose folder could be read (complete or not). */
    public long readable() {
        return rows.stream().filter(Row::readable).count();
    }

    /** The parameters whose values differ between the readable runs (their columns in {@link #titles()}). */
    public List<RunParameter> differing() {
        return differing;
    }

    /** What all readable runs share ("program pad, lr 0.05, ..."; see {@link RunParameter#shared}). */
    public String shared() {
        return shared;
    }

    /** True when a compared run has a zero-shot accuracy: the printed table then has a "zero-shot" column. */
    public boolean hasZeroShot() {
        return rows.stream().anyMatch(r -> !Double.isNaN(r.zeroShotAccuracy()));
    }

    /** The printed result titles: the zero-shot accuracy (when a run has one), then {@link #RESULTS}. */
    private List<String> resultTitles() {
        List<String> t = new ArrayList<>();
        if (hasZeroShot()) {
            t.add(ZERO_SHOT_TITLE);
        }
        RESULTS.forEach(h -> t.add(h.replace('_', ' ')));
        return t;
    }

    /** True when a run has a name of the user's: the printed table then has a "name" column. */
    public boolean hasNames() {
        return rows.stream().anyMatch(r -> !r.name().isEmpty());
    }

    /**
     * Titles of the printed table: run, name (when a run has one), status, method, the
     * {@link #differing() parameters that differ}, then the results (led by the zero-shot accuracy
     * when a compared run is on a vision-language source; "-" for the others).
     */
    public List<String> titles() {
        List<String> t = new ArrayList<>(List.of("run"));
        if (hasNames()) {
            t.add("name");
        }
        t.addAll(List.of("status", "method"));
        differing.forEach(p -> t.add(p.title()));
        t.addAll(resultTitles());
        return t;
    }

    /** Whether printed column C (of {@link #titles()}) holds numbers (right-aligned). */
    public boolean numeric(int c) {
        return c >= titles().size() - resultTitles().size();
    }

    /** Display strings of the printed table, one list per row, in {@link #titles()} order; missing values are "-". */
    public List<List<String>> cells() {
        boolean names = hasNames();
        boolean zeroShot = hasZeroShot();
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            List<String> c = new ArrayList<>(List.of(r.run()));
            if (names) {
                c.add(r.name().isEmpty() ? "-" : r.name());
            }
            c.add(r.status());
            c.add(r.method());
            differing.forEach(p -> c.add(r.parameter(p)));
            if (zeroShot) {
                c.add(Double.isNaN(r.zeroShotAccuracy()) ? "-" : fmt("%.4f", r.zeroShotAccuracy()));
            }
            c.addAll(r.resultCells());
            out.add(c);
        }
        return out;
    }

    /** The table as CSV: header row, then raw values (full precision, empty when missing). */
    public String toCsv() {
        return toCsv("\n");
    }

    /** As {@link #toCsv()} with records ended by LINE_END ({@link org.reprogram.workbench.core.report.Csv#CRLF} for RFC 4180). */
    public String toCsv(String lineEnd) {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append(lineEnd);
        for (Row r : rows) {
            sb.append(String.join(",", r.values().stream().map(ComparisonTable::csv).toList())).append(lineEnd);
        }
        return sb.toString();
    }

    private static String csv(String s) {
        return org.reprogram.workbench.core.report.Csv.field(s); // RFC 4180: a carriage return is quoted too
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
