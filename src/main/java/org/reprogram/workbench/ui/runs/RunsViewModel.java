package org.reprogram.workbench.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.TaskExecutor;

/** The saved runs: text filter, selection, comparison (curves + final metrics), open and export. */
public final class RunsViewModel {

    /** Files that Export copies (those that exist). */
    static final List<String> EXPORTED = List.of(RunFiles.PROGRAM_PNG, RunFiles.METRICS, RunFiles.MAPPING_CSV,
            RunFiles.MAPPING_JSON, RunFiles.CONFIG, RunFiles.RESULT);

    /** One run's validation accuracy per epoch, for the overlay chart. */
    public record Curve(String name, List<double[]> points) {}

    /**
     * One line of the final-metrics table; "-" where a value does not apply or an older run did
     * not record it.
     *
     * @param method "reprogramming", or a baseline: "linear probe", "fine-tuning", "from scratch"
     * @param testAccuracy final test accuracy (state after the last epoch)
     * @param testAtBestVal test accuracy of the best-validation epoch's state, with that epoch
     * @param queries model queries of a black-box run, with what they were for
     */
    public record Row(String name, String status, String method, String program, String mapping, String trainer,
            String testAccuracy, String testAtBestVal, String bestVal, int epochs, String queries, String trainable,
            String wallSeconds, String imagesPerSecond) {}

    public final StringProperty filter = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    /** The table's selection (the view keeps it in sync). */
    public final ObservableList<RunRecord> selected = FXCollections.observableArrayList();
    public final ObservableList<Curve> curves = FXCollections.observableArrayList();
    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> all = FXCollections.observableArrayList();
    private final FilteredList<RunRecord> shown = new FilteredList<>(all, r -> true);
    private final RunStore store;
    private final TaskExecutor executor;

    public RunsViewModel(TaskExecutor executor, RunStore store) {
        this.executor = executor;
        this.store = store;
        filter.addListener((o, a, f) -> shown.setPredicate(r -> matches(r, f)));
    }

    public ObservableList<RunRecord> runs() {
        return shown;
    }

    public Path root() {
        return store.root();
    }

    /**
     * Re-reads the runs folder in the background. Folders that cannot be read as runs are listed
     * as "unreadable" (the reason in {@link RunRecord#problem()}) and named in {@link #message}.
     */
    public void refresh() {
        executor.execute(store::list, runs -> {
            all.setAll(runs);
            List<RunRecord> bad = runs.stream().filter(r -> !r.readable()).toList();
            if (!bad.isEmpty()) {
                message.set(UNREADABLE + bad.size() + (bad.size() == 1 ? " folder" : " folders") + " in " + store.root()
                        + " (listed as 'unreadable'): " + bad.get(0).name() + ": " + Fields.words(bad.get(0).problem())
                        + (bad.size() > 1 ? " …" : ""));
            } else if (message.get().startsWith(UNREADABLE)) {
                message.set("");
            }
        }, e -> message.set("Cannot list " + store.root() + ": " + e.getMessage()));
    }

    private static final String UNREADABLE = "Cannot read ";

    /** Overlaid validation curves and the final-metrics table of the selected runs. */
    public void compare() {
        List<Curve> c = new ArrayList<>();
        List<Row> r = new ArrayList<>();
        for (RunRecord run : selected) {
            List<double[]> pts = new ArrayList<>();
            for (EpochMetrics m : run.metrics()) {
                if (!Double.isNaN(m.valAccuracy())) {
                    pts.add(new double[] {m.epoch(), m.valAccuracy()});
                }
            }
            c.add(new Curve(run.name(), pts));
            r.add(row(run));
        }
        curves.setAll(c);
        rows.setAll(r);
        message.set(selected.size() < 2 ? "Select two or more runs (Ctrl/Shift-click) to compare them." : "");
    }

    /** Reads RUN with its history in the background, then hands it to THEN. */
    public void open(RunRecord run, Consumer<RunRecord> then) {
        if (!run.readable()) {
            message.set("Cannot open " + run.name() + ": " + Fields.words(run.problem()));
            return;
        }
        message.set("Opening " + run.name() + " …");
        executor.execute(() -> RunStore.load(run.dir(), true), full -> {
            message.set("");
            then.accept(full);
        }, e -> message.set("Cannot open " + run.name() + ": " + Fields.words(e.getMessage())));
    }

    /** Copies program PNG, metrics CSV, mapping CSV/JSON, config and result of RUN into DEST. */
    public void export(RunRecord run, Path dest) {
        executor.execute(() -> copy(run, dest), n -> message.set("Exported " + n + " files of " + run.name() + " to "
                + dest), e -> message.set("Export to " + dest + " failed: " + Fields.words(e.getMessage())));
    }

    /** Copies the files; the copies get the default permissions for new files (readable by others under the usual umask). */
    static int copy(RunRecord run, Path dest) throws IOException {
        Files.createDirectories(dest);
        int n = 0;
        for (String f : EXPORTED) {
            Path src = run.dir().resolve(f);
            if (Files.exists(src)) {
                AtomicFiles.copy(src, dest.resolve(run.name() + "-" + f));
                n++;
            }
        }
        return n;
    }

    static Row row(RunRecord r) {
        var res = r.result();
        return new Row(r.name(), r.status(), ResultTexts.method(r), program(r), mapping(r), trainer(r),
                ResultTexts.finalAccuracy(res), ResultTexts.atBestVal(res), ResultTexts.bestVal(res), r.metrics().size(),
                ResultTexts.queries(res, trainer(r)), res == null ? "-" : Long.toString(res.trainableParameters()),
                res == null ? "-" : String.format(Locale.ROOT, "%.1f", res.wallSeconds()),
                res == null ? "-" : String.format(Locale.ROOT, "%.0f", res.imagesPerSecond()));
    }

    /** The program id; a baseline run (no program) or a config without one shows "-". */
    static String program(RunRecord r) {
        if (r.result() != null && r.result().program() != null) {
            return r.result().program();
        }
        return r.config() == null ? "-" : r.program();
    }

    static String mapping(RunRecord r) {
        if (r.result() != null && r.result().mapping() != null) {
            return r.result().mapping();
        }
        return r.config() == null ? "-" : r.mapping();
    }

    static String trainer(RunRecord r) {
        if (r.result() != null && r.result().trainer() != null) {
            return r.result().trainer();
        }
        return r.config() == null || r.trainer() == null ? "-" : r.trainer();
    }

    static boolean matches(RunRecord r, String f) {
        if (f == null || f.isBlank()) {
            return true;
        }
        String hay = (r.name() + " " + r.status() + " " + ResultTexts.method(r) + " "
                + (r.result() == null ? "" : r.result().method()) + " " + program(r) + " " + mapping(r) + " "
                + trainer(r) + " " + (r.config() == null ? "" : r.config().source())).toLowerCase(Locale.ROOT);
        for (String word : f.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String accuracy(RunRecord r) {
        return ResultTexts.finalAccuracy(r.result());
    }
}
