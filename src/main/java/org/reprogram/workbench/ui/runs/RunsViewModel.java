package org.reprogram.workbench.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.predict.BundleExporter;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunNotes;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.run.RunTrash;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The saved runs: text filter, selection, the user's names and notes, open (replay) and export;
 * the selected runs are {@link ComparisonViewModel compared} as the selection changes.
 */
public final class RunsViewModel {

    /** Files that Export copies (those that exist). */
    static final List<String> EXPORTED = List.of(RunFiles.PROGRAM_PNG, RunFiles.METRICS, RunFiles.MAPPING_CSV,
            RunFiles.MAPPING_JSON, RunFiles.CONFIG, RunFiles.RESULT, RunFiles.NOTES, RunFiles.PROMPTS);

    public final StringProperty filter = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    /** The selected runs (the view keeps the table's selection and this list in step). */
    public final ObservableList<RunRecord> selected = FXCollections.observableArrayList();
    /** The comparison of the selected runs; it follows the selection. */
    public final ComparisonViewModel comparison;
    /** Delete (to the runs folder's trash) and undo. */
    public final RunDeletion deletion;
    /** The name and note being edited, of the one selected run. */
    public final StringProperty editName = new SimpleStringProperty("");
    public final StringProperty editNote = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper notesEditable = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<RunRecord> all = FXCollections.observableArrayList();
    private final FilteredList<RunRecord> shown = new FilteredList<>(all, r -> true);
    private final RunStore store;
    private final TaskExecutor executor;

    public RunsViewModel(TaskExecutor executor, RunStore store) {
        this.executor = executor;
        this.store = store;
        this.deletion = new RunDeletion(executor, new RunTrash(store.root()), message::set, this::refresh);
        this.comparison = new ComparisonViewModel(executor, message::set);
        filter.addListener((o, a, f) -> shown.setPredicate(r -> matches(r, f)));
        selected.addListener((ListChangeListener<RunRecord>) c -> {
            comparison.compare(selected);
            RunRecord one = selected.size() == 1 && selected.get(0).readable() ? selected.get(0) : null;
            notesEditable.set(one != null);
            editName.set(one == null ? "" : one.notes().name());
            editNote.set(one == null ? "" : one.notes().note());
        });
    }

    public ObservableList<RunRecord> runs() {
        return shown;
    }

    public Path root() {
        return store.root();
    }

    /** True while exactly one readable run is selected: its name and note can be edited. */
    public ReadOnlyBooleanProperty notesEditable() {
        return notesEditable.getReadOnlyProperty();
    }

    /**
     * Re-reads the runs folder in the background; the selected runs stay selected (matched by
     * folder). Folders that cannot be read as runs are listed as "unreadable" (the reason in
     * {@link RunRecord#problem()}) and named in {@link #message}.
     */
    public void refresh() {
        executor.execute(store::list, runs -> {
            Set<Path> keep = new HashSet<>();
            selected.forEach(r -> keep.add(r.dir()));
            all.setAll(runs);
            List<RunRecord> again = shown.stream().filter(r -> keep.contains(r.dir())).toList();
            if (!again.equals(selected)) {
                selected.setAll(again);
            }
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

    /**
     * Saves {@link #editName} and {@link #editNote} as the selected run's {@link RunNotes}
     * (notes.json, written atomically; the run's own files are not touched, even while it
     * trains), then re-reads the list.
     */
    public void saveNotes() {
        if (!notesEditable.get()) {
            return;
        }
        RunRecord run = selected.get(0);
        RunNotes notes = new RunNotes(editName.get(), editNote.get());
        executor.execute(() -> {
            RunNotes.write(run.dir(), notes);
            return notes;
        }, n -> {
            message.set(n.isEmpty() ? "Cleared the name and note of " + run.name()
                    : "Saved the name and note of " + run.name());
            refresh();
        }, e -> message.set("Cannot save the name and note of " + run.name() + ": "
                + (e instanceof IOException io ? RunFolderAccess.reason(io) : Fields.words(e.getMessage()))));
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

    /** Copies program PNG, metrics CSV, mapping CSV/JSON, config, result and notes of RUN into DEST. */
    public void export(RunRecord run, Path dest) {
        executor.execute(() -> copy(run, dest), n -> message.set("Exported " + n + " files of " + run.name() + " to "
                + dest), e -> message.set("Export to " + dest + " failed: " + Fields.words(e.getMessage())));
    }

    /** A reprogramming run with a finished epoch: Try it and Export bundle work with it. */
    public static boolean predictable(RunRecord r) {
        return r.readable() && !r.isBaseline() && CheckpointFile.exists(r.dir());
    }

    /** Writes RUN as one self-contained bundle to OUT (replacing it: the file chooser asked), in the background. */
    public void exportBundle(RunRecord run, Path out) {
        message.set("Exporting " + run.name() + " …");
        executor.execute(() -> BundleExporter.export(run.dir(), null, out, true),
                e -> message.set(String.format(Locale.ROOT, "Exported %s (%s) to %s: 'predict %s IMAGES' uses it"
                        + " anywhere.", run.name(), e.run().describeState(), out, out.getFileName())),
                e -> message.set("Export of " + run.name() + " failed: " + e.getMessage()));
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

    /**
     * Every word of F (case-insensitive) occurs in R's folder name, name, note, status, method,
     * program, mapping, trainer or source.
     */
    static boolean matches(RunRecord r, String f) {
        if (f == null || f.isBlank()) {
            return true;
        }
        String hay = (r.name() + " " + r.notes().name() + " " + r.notes().note() + " " + r.status() + " "
                + ResultTexts.method(r) + " " + (r.result() == null ? "" : r.result().method()) + " " + program(r) + " "
                + mapping(r) + " " + trainer(r) + " " + (r.config() == null ? "" : r.config().source()))
                .toLowerCase(Locale.ROOT);
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
