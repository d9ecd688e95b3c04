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

    private final java.util.function.Consumer<Runnable> background;
    private final java.util.function.Consumer<Runnable> fx;

    public RunsViewModel(Path runsDir) {
        this(runsDir, r -> {
            Thread t = new Thread(r, "runs-loader");
            t.setDaemon(true);
            t.start();
        }, javafx.application.Platform::runLater);
    }

    /** BACKGROUND reads run folders, FX publishes them; tests pass Runnable::run for both. */
    RunsViewModel(Path runsDir, java.util.function.Consumer<Runnable> background,
            java.util.function.Consumer<Runnable> fx) {
        this.store = new RunStore(runsDir);
        this.background = background;
        this.fx = fx;
        filter.addListener((o, a, f) -> shown.setPredicate(r -> matches(r, f)));
        refresh();
    }

    public ObservableList<RunRecord> runs() {
        return shown;
    }

    /** Re-reads the runs folder off the FX thread. */
    public void refresh() {
        background.accept(() -> {
            java.util.List<RunRecord> runs = store.list();
            fx.accept(() -> all.setAll(runs));
        });
    }

    /** Reads a run with its history off the FX thread, then hands it to ONLOADED on the FX thread. */
    public void open(RunRecord r, java.util.function.Consumer<RunRecord> onLoaded,
            java.util.function.Consumer<String> onError) {
        background.accept(() -> {
            try {
                RunRecord full = RunStore.load(r.dir(), true);
                fx.accept(() -> onLoaded.accept(full));
            } catch (RuntimeException e) {
                fx.accept(() -> onError.accept(r.dir() + ": cannot read the run (" + e.getMessage() + ")"));
            }
        });
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
