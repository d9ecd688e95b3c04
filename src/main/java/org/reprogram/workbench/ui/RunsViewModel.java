package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;

/** The saved runs with a text filter (name, status, program, mapping). */
public final class RunsViewModel {

    public final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<RunRecord> all = FXCollections.observableArrayList();
    private final FilteredList<RunRecord> shown = new FilteredList<>(all, r -> true);
    private final RunStore store;

    public RunsViewModel(Path runsDir) {
        this.store = new RunStore(runsDir);
        filter.addListener((o, a, f) -> shown.setPredicate(r -> matches(r, f)));
        refresh();
    }

    public ObservableList<RunRecord> runs() {
        return shown;
    }

    public void refresh() {
        all.setAll(store.list());
    }

    /** Full record with history, for replay. */
    public RunRecord open(RunRecord r) {
        return RunStore.load(r.dir(), true);
    }

    static boolean matches(RunRecord r, String f) {
        if (f == null || f.isBlank()) {
            return true;
        }
        String hay = (r.name() + " " + r.status() + " " + r.config().program() + " " + r.config().mapping() + " "
                + r.config().source()).toLowerCase(Locale.ROOT);
        for (String word : f.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!hay.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String accuracy(RunRecord r) {
        return r.result() == null || Double.isNaN(r.result().testAccuracy()) ? "-"
                : String.format(Locale.ROOT, "%.4f", r.result().testAccuracy());
    }
}
