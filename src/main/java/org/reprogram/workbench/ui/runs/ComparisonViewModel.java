package org.reprogram.workbench.ui.runs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.run.LearnedMapping;
import org.reprogram.workbench.core.run.LearnedState;
import org.reprogram.workbench.core.run.ReplicateGroups;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.ShortNames;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The comparison of the selected runs (Runs tab): their curves of a chosen metric, a table whose
 * columns are the settings that differ, and their learned programs and mappings side by side.
 * Runs are told apart by their display names (the user's name, else the folder name) and by
 * colour: a run's lines and its side-by-side column share one colour index.
 */
public final class ComparisonViewModel {

    static final String HINT_SELECT = "Select runs in the list to compare them.";
    static final String HINT_MORE = "Ctrl/Shift-click more runs to compare them with this one.";

    /**
     * One line of the compare chart.
     *
     * @param name its short name in the legend: the settings that differ between the compared runs
     *     and the seed ({@link ShortNames}), or the name the user gave it
     * @param fullName the run's display name (the user's name, else the folder name), for the tooltip
     * @param folder its folder name
     * @param color the run's colour index (its place in the selection): its lines and its column share it
     * @param label which line of the run ("validation", "training"), "" when it has one line only
     * @param dashed drawn dashed (training next to validation)
     * @param points {epoch, value} pairs
     */
    public record Curve(String name, String fullName, String folder, int color, String label, boolean dashed, List<double[]> points) {}

    /**
     * One line of the final-metrics table; "-" where a value does not apply or an older run did
     * not record it.
     *
     * @param name the run's display name (the user's name, else the folder name)
     * @param folder the folder name
     * @param note the user's note ("" = none)
     * @param method "reprogramming", or a baseline: "linear probe", "fine-tuning", "from scratch"
     * @param testAccuracy final test accuracy (state after the last epoch)
     * @param testAtBestVal test accuracy of the best-validation epoch's state, with that epoch
     * @param queries model queries of a black-box run, with what they were for
     * @param parameters every setting of the run (the table shows those in {@link #differing}); of a
     *     group of replicates the shared values, the seeds joined ("1, 2, 3")
     * @param n how many runs the line stands for: 1, or the replicates of a group (then the figures are
     *     means and the test accuracy mean ± sample std)
     * @param zeroShot the zero-shot test accuracy of a vision-language source on the target ("-" for a
     *     classifier's run; of a group the mean)
     */
    public record Row(String name, String folder, String note, String status, String method, String program,
            String mapping, String trainer, String testAccuracy, String testAtBestVal, String bestVal, int epochs,
            String queries, String trainable, String wallSeconds, String imagesPerSecond,
            Map<RunParameter, String> parameters, int n, String zeroShot) {}

    /** A target class and the source classes it reads ("Bag", or "Bag 0.41, Coat 0.20" for learned weights). */
    public record MappingLine(String target, String sources) {}

    /**
     * One column of the side-by-side view.
     *
     * @param name display name
     * @param folder folder name
     * @param color colour index, as in {@link Curve}
     * @param caption what it is and how well it did: "pad · ilm · test 85.0 %"
     * @param programPng the learned program as a PNG, null if there is none
     * @param mapping the label mapping, empty if there is none
     * @param missing why something is not shown ("" when both are there)
     */
    public record Side(String name, String folder, int color, String caption, byte[] programPng,
            List<MappingLine> mapping, String missing) {}

    /** Run colours, by place in the selection (lines, legend, side-by-side headers, saved charts). */
    static final List<String> COLORS = List.of("#2f6fd0", "#e07b39", "#2e9d5b", "#c0392b", "#8e5cc4", "#1a9fa3",
            "#b8860b", "#d1478f", "#5d6d7e", "#7a8c1f");

    /** The metric the compare chart plots. */
    public final ObjectProperty<CurveMetric> metric = new SimpleObjectProperty<>(CurveMetric.VAL_ACCURACY);
    public final ObservableList<Curve> curves = FXCollections.observableArrayList();
    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** The settings that differ between the selected runs: the compare table's extra columns. */
    public final ObservableList<RunParameter> differing = FXCollections.observableArrayList();
    /** What the selected runs share, e.g. "program pad, lr 0.05, ...". */
    public final StringProperty shared = new SimpleStringProperty("");
    public final ObservableList<Side> sides = FXCollections.observableArrayList();
    /** What to do to see a comparison ("" once two or more runs are selected). */
    public final StringProperty hint = new SimpleStringProperty(HINT_SELECT);
    /**
     * One table line per group of replicates (same settings but the seed): n, test accuracy mean ±
     * sample std, the other figures as means.
     */
    public final BooleanProperty groupReplicates = new SimpleBooleanProperty(false);
    /** What the grouping did ("6 runs in 2 groups ..."; "" when not grouping). */
    public final StringProperty groupSummary = new SimpleStringProperty("");
    /** Saves the chart (PNG, SVG) and the table (CSV). */
    public final CompareSaver save = new CompareSaver(this);
    private final TaskExecutor executor;
    private final Consumer<String> onError;
    private List<RunRecord> runs = List.of();
    private int sidesRequest;

    /** ON_ERROR hears what could not be read (the runs list's message line). */
    public ComparisonViewModel(TaskExecutor executor, Consumer<String> onError) {
        this.executor = executor;
        this.onError = onError;
        metric.addListener((o, a, m) -> curves.setAll(curves(runs, m)));
        groupReplicates.addListener((o, a, g) -> tableRows());
    }

    /** The compared runs, in the selection's order. */
    List<RunRecord> runs() {
        return runs;
    }

    /** Reports what was saved or why not (the runs list's message line). */
    void say(String message) {
        onError.accept(message);
    }

    TaskExecutor executor() {
        return executor;
    }

    /**
     * Compares SELECTION: curves of {@link #metric}, the table rows with the differing settings, and
     * (read in the background) their learned programs and mappings.
     */
    public void compare(List<RunRecord> selection) {
        List<RunRecord> runs = List.copyOf(selection);
        this.runs = runs;
        hint.set(runs.isEmpty() ? HINT_SELECT : runs.size() == 1 ? HINT_MORE : ""); // first: the chart's placeholder reads it
        curves.setAll(curves(runs, metric.get()));
        differing.setAll(RunParameter.differing(runs));
        shared.set(RunParameter.shared(runs));
        tableRows();
        loadSides(runs);
    }

    /** The table's lines: one per run, or one per group of replicates. */
    private void tableRows() {
        if (!groupReplicates.get()) {
            groupSummary.set("");
            rows.setAll(runs.stream().map(ComparisonViewModel::row).toList());
            return;
        }
        List<ReplicateGroups.Group> groups = ReplicateGroups.of(runs);
        List<String> names = ShortNames.of(groups.stream().map(ReplicateGroups.Group::first).toList(), false);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            out.add(ReplicateRows.row(groups.get(i), names.get(i)));
        }
        rows.setAll(out);
        groupSummary.set(runs.isEmpty() ? "" : ReplicateRows.summary(runs.size(), groups));
    }

    /**
     * The lines of METRIC for RUNS, one (or two: validation and training) per run, coloured by place.
     * A linear probe's rows are L-BFGS iterations (often 100-200), not epochs: beside runs with
     * epochs it is drawn as a level line at its final value across their epochs, so it neither
     * squashes their curves into the axis's first few percent nor reads as "160 epochs".
     */
    static List<Curve> curves(List<RunRecord> runs, CurveMetric metric) {
        List<Curve> out = new ArrayList<>();
        List<String> names = ShortNames.of(runs);
        int epochs = runs.stream().filter(r -> !isProbe(r)).flatMap(r -> r.metrics().stream())
                .mapToInt(EpochMetrics::epoch).max().orElse(0);
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            for (CurveMetric.Line line : metric.lines()) {
                List<double[]> pts = new ArrayList<>();
                for (EpochMetrics m : run.metrics()) {
                    double v = line.value().applyAsDouble(m);
                    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                        pts.add(new double[] {m.epoch(), v});
                    }
                }
                if (isProbe(run) && epochs > 0 && !pts.isEmpty()) {
                    double last = pts.get(pts.size() - 1)[1];
                    pts = List.of(new double[] {Math.min(1, epochs), last}, new double[] {epochs, last});
                }
                boolean both = metric.trainAndVal();
                out.add(new Curve(names.get(i), run.displayName(), run.name(), i, both ? line.label() : "", both && line.dashed(),
                        pts));
            }
        }
        return out;
    }

    private static boolean isProbe(RunRecord run) {
        return Method.LINEAR_PROBE.id().equals(run.method());
    }

    /**
     * The step between epoch ticks for an axis up to MAX_EPOCH: a whole number from 1, 2, 5, 10,
     * 20, 50, ... giving at most 12 ticks.
     */
    public static int epochTick(int maxEpoch) {
        int[] steps = {1, 2, 5};
        for (int scale = 1; ; scale *= 10) {
            for (int s : steps) {
                if ((long) s * scale * 12 >= maxEpoch) {
                    return s * scale;
                }
            }
        }
    }

    private void loadSides(List<RunRecord> runs) {
        int request = ++sidesRequest;
        if (runs.isEmpty()) {
            sides.clear();
            return;
        }
        executor.execute(() -> runs.stream().map(LearnedState::read).toList(), states -> {
            if (request == sidesRequest) {
                List<Side> s = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) {
                    s.add(side(runs.get(i), i, states.get(i)));
                }
                sides.setAll(s);
            }
        }, e -> {
            if (request == sidesRequest) {
                sides.clear();
                onError.accept("Cannot read the programs of the selected runs: " + Fields.words(e.getMessage()));
            }
        });
    }

    static Side side(RunRecord run, int color, LearnedState learned) {
        String caption = run.isBaseline() ? ResultTexts.method(run)
                : RunsViewModel.program(run) + " · " + RunsViewModel.mapping(run);
        if (run.result() != null) {
            caption += " · test " + ResultTexts.finalAccuracy(run.result());
        } else if (learned.epoch() >= 0) {
            caption += " · epoch " + learned.epoch() + " (" + run.status() + ")";
        }
        String missing = "";
        if (!run.readable()) {
            missing = "Not a readable run: " + Fields.words(run.problem());
        } else if (run.isBaseline()) {
            missing = "A " + ResultTexts.method(run) + " baseline has no input program or label mapping.";
        } else if (learned.isEmpty()) {
            missing = "Nothing learned saved yet (the run ended before its first epoch).";
        } else if (learned.mapping() == null) {
            missing = "No label mapping saved.";
        } else if (learned.programPng() == null) {
            missing = "No program picture saved.";
        }
        List<MappingLine> lines = new ArrayList<>();
        if (learned.mapping() != null) {
            for (LearnedMapping.Entry e : learned.mapping().mapping()) {
                lines.add(new MappingLine(e.target(), sources(e)));
            }
        }
        return new Side(run.displayName(), run.name(), color, caption, learned.programPng(), lines, missing);
    }

    /** "Bag" for a one-to-one mapping (weight 1), else "Bag 0.41, Coat 0.20, ..." */
    static String sources(LearnedMapping.Entry e) {
        if (e.sources().size() == 1 && (e.weights().isEmpty() || e.weights().get(0) == 1.0)) {
            return e.sources().get(0);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < e.sources().size(); i++) {
            parts.add(e.sources().get(i) + (i < e.weights().size()
                    ? String.format(Locale.ROOT, " %.2f", e.weights().get(i)) : ""));
        }
        return String.join(", ", parts);
    }

    /** RUN's line of the table. */
    static Row row(RunRecord r) {
        var res = r.result();
        Map<RunParameter, String> params = new java.util.LinkedHashMap<>();
        for (RunParameter p : RunParameter.values()) {
            params.put(p, p.valueOf(r));
        }
        return new Row(r.displayName(), r.name(), r.notes().note(), r.status(), ResultTexts.method(r),
                RunsViewModel.program(r), RunsViewModel.mapping(r), RunsViewModel.trainer(r),
                ResultTexts.finalAccuracy(res), ResultTexts.atBestVal(res), ResultTexts.bestVal(res), r.metrics().size(), ResultTexts.queries(res, RunsViewModel.trainer(r)),
                res == null ? "-" : Long.toString(res.trainableParameters()),
                res == null ? "-" : String.format(Locale.ROOT, "%.1f", res.wallSeconds()),
                res == null ? "-" : String.format(Locale.ROOT, "%.0f", res.imagesPerSecond()),
                Collections.unmodifiableMap(params), 1, ResultTexts.pct(r.zeroShotAccuracy()));
    }
}
