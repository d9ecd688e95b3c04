package org.reprogram.workbench.ui.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunTrash;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * Deleting runs from the Runs tab: the runs move to the runs folder's trash ({@link RunTrash}), and
 * Undo moves the last deleted ones back. The moves run in the background; the message line says
 * what moved and what was refused (a run that is still training).
 */
public final class RunDeletion {

    private final TaskExecutor executor;
    private final RunTrash trash;
    private final Consumer<String> say;
    private final Runnable refresh;
    /** The runs of the last delete, which Undo moves back (empty: nothing to undo). */
    private final ObservableList<RunTrash.Trashed> deleted = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);

    /** SAY hears the outcome (the message line); REFRESH re-reads the runs list after a move. */
    RunDeletion(TaskExecutor executor, RunTrash trash, Consumer<String> say, Runnable refresh) {
        this.executor = executor;
        this.trash = trash;
        this.say = say;
        this.refresh = refresh;
        canUndo.bind(Bindings.isNotEmpty(deleted));
    }

    /** The trash folder (RUNS/{@value RunTrash#FOLDER}). */
    public Path folder() {
        return trash.folder();
    }

    /** True after a delete until its runs are moved back (or another delete replaces it). */
    public ReadOnlyBooleanProperty canUndo() {
        return canUndo.getReadOnlyProperty();
    }

    /**
     * Moves RUNS to the runs folder's trash ({@value RunTrash#FOLDER}, one atomic rename each) in
     * the background; {@link #undo} moves them back. A run that is still training is refused
     * and stays; the message names what was moved and what was not.
     */
    public void delete(List<RunRecord> runs) {
        List<RunRecord> chosen = List.copyOf(runs);
        if (chosen.isEmpty()) {
            return;
        }
        executor.execute(() -> {
            List<RunTrash.Trashed> moved = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (RunRecord r : chosen) {
                try {
                    moved.add(trash.delete(r.dir()));
                } catch (IOException | RuntimeException e) {
                    refused.add(r.displayName() + ": " + problem(e, r.dir()));
                }
            }
            return new Outcome(moved, refused);
        }, o -> {
            if (!o.moved().isEmpty()) {
                deleted.setAll(o.moved());
            }
            say.accept((o.moved().isEmpty() ? "" : "Moved " + count(o.moved().size()) + " to " + trash.folder()
                    + " (Undo moves " + (o.moved().size() == 1 ? "it" : "them") + " back). ")
                    + (o.refused().isEmpty() ? "" : "Not deleted: " + String.join("; ", o.refused())));
            refresh.run();
        }, e -> say.accept("Cannot delete: " + Fields.words(e.getMessage())));
    }

    /** Moves the runs of the last delete back into the runs folder. */
    public void undo() {
        List<RunTrash.Trashed> back = List.copyOf(deleted);
        if (back.isEmpty()) {
            return;
        }
        deleted.clear();
        executor.execute(() -> {
            List<RunTrash.Trashed> restored = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (RunTrash.Trashed t : back) {
                try {
                    trash.restore(t);
                    restored.add(t);
                } catch (IOException | RuntimeException e) {
                    refused.add(t.original().getFileName() + ": " + problem(e, t.trashed()));
                }
            }
            return new Outcome(restored, refused);
        }, o -> {
            say.accept((o.moved().isEmpty() ? "" : "Restored " + count(o.moved().size()) + ". ")
                    + (o.refused().isEmpty() ? "" : "Not restored: " + String.join("; ", o.refused())));
            refresh.run();
        }, e -> say.accept("Cannot undo the delete: " + Fields.words(e.getMessage())));
    }

    private record Outcome(List<RunTrash.Trashed> moved, List<String> refused) {}

    private static String count(int n) {
        return n + (n == 1 ? " run" : " runs");
    }

    /** E in words: a refusal's own message without the folder's path, an I/O error's reason. */
    private static String problem(Exception e, Path dir) {
        String m = e instanceof IOException io ? RunFolderAccess.reason(io) : Fields.words(e.getMessage());
        String prefix = dir.toString() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

}
