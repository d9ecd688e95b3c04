package org.reprogram.workbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.Trainer;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingBackend;

/** The workbench window. Options: --runs-dir DIR (or --runs-dir=DIR), --demo. */
public final class WorkbenchApp extends Application {

    public static final String TITLE = "Reprogram Workbench";
    /**
     * Live view rate: a snapshot (program, mapping, samples) at most every 200 ms; override with
     * -Dreprogram.liveMillis=N (0: epoch ends only) where rendering competes with training.
     */
    public static final long SNAPSHOT_MILLIS = Long.getLong("reprogram.liveMillis", Trainer.LIVE_VIEW_MILLIS);

    /** The window's settings (the last source model): beside the default runs folder. */
    static final java.nio.file.Path SETTINGS = org.reprogram.workbench.core.AppPaths.defaultRunsDir()
            .resolveSibling("settings.properties");

    /** How long a signal waits for the running step, the run's last files and other background jobs. */
    static final long EXIT_WAIT_MILLIS = 60_000;

    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        AppArgs args = AppArgs.parse(getParameters().getRaw());
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(args.runsDir()),
                TrainingBackend.engine(SNAPSHOT_MILLIS));
        vm.setup.rememberModelIn(SETTINGS); // the model chosen last time is chosen again
        // training beside a rendering window: its runs leave one core to it (ComputeThreads)
        vm.useThreads(org.reprogram.workbench.core.train.ComputeThreads.forTheWindow());
        exitOnSignalLikeTheCli(vm);
        stage.setTitle(TITLE);
        javafx.scene.image.Image icon = icon();
        if (icon != null) {
            stage.getIcons().add(icon); // title bar, task bar, Alt-Tab
        }
        place(stage, vm, javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.setOnCloseRequest(e -> {
            if (vm.training.running.get() && !confirmClose(stage)) {
                e.consume(); // keep training
            } else if (vm.studies.running.get() && !confirm(studyCloseDialog(stage))) {
                e.consume(); // keep the study running
            }
        });
        // nothing is drawn while the training views cannot be seen (another tab, minimised window)
        vm.training.onScreen.bind(vm.tab.isEqualTo(WorkbenchViewModel.TRAIN_TAB).and(stage.iconifiedProperty().not()));
        stage.show();
        if (args.demo()) {
            vm.startDemo();
        } else if (args.study() != null) { // its table, leaderboard and plot; Resume continues it
            vm.tab.set(WorkbenchViewModel.STUDIES_TAB);
            vm.studies.open(args.study());
        }
    }

    /** The window's preferred size; a smaller screen gets its visual bounds. */
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;

    /**
     * Sets VM's scene on STAGE at {@link #WIDTH} x {@link #HEIGHT} shrunk to VISUAL (the screen less
     * its task bars) and centred in it: on a 1280x720 screen nothing opens off-screen.
     */
    public static void place(Stage stage, WorkbenchViewModel vm, javafx.geometry.Rectangle2D visual) {
        javafx.geometry.Rectangle2D b = org.reprogram.workbench.ui.common.Windows.fit(visual, WIDTH, HEIGHT);
        stage.setScene(scene(vm, b.getWidth(), b.getHeight()));
        stage.setMinWidth(Math.min(1000, visual.getWidth()));
        stage.setMinHeight(Math.min(700, visual.getHeight()));
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
    }

    /**
     * SIGTERM / Ctrl-C do not close the window (JavaFX calls no {@link #stop()}): the JVM runs its
     * shutdown hooks and exits, and libtorch's globals are destroyed at exit while the training
     * thread may be inside a step (it crashed in {@code torchBackward}). So, as the CLI does
     * ({@code TrainCommand.withSignals}), a hook asks the run to stop at its next step and waits
     * (bounded) until it has written its checkpoint and result.json, and until every other
     * background job has returned. Also covers a normal close: the hook then finds nothing running.
     */
    private static void exitOnSignalLikeTheCli(WorkbenchViewModel vm) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vm.closeForExit(EXIT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupt-training"));
    }

    /** Closing while a run trains: ask; closing keeps the run resumable (interrupted, with its checkpoint). */
    private static boolean confirmClose(Stage owner) {
        return confirm(closeDialog(owner));
    }

    /** True when the user chose A's first button. */
    private static boolean confirm(javafx.scene.control.Alert a) {
        return a.showAndWait().orElse(null) == a.getButtonTypes().get(0);
    }

    /** The question asked when the window closes while a study runs, owned by OWNER. */
    static javafx.scene.control.Alert studyCloseDialog(javafx.stage.Window owner) {
        return closeQuestion(owner, "Close the workbench while a study is running?", "A study is running. Closing"
                + " cancels the trials in flight; the study folder keeps every finished trial, and Open study… then"
                + " Resume in the Studies tab runs the rest.", "Keep the study running");
    }

    /** The question asked when the window closes while a run trains, owned by (and centred on) OWNER. */
    static javafx.scene.control.Alert closeDialog(javafx.stage.Window owner) {
        return closeQuestion(owner, "Close the workbench while a run is training?", "A run is training. Closing stops"
                + " it at the next step and keeps it as 'interrupted': Resume in the Runs tab continues it from its last"
                + " finished epoch.", "Keep training");
    }

    /** "Close (resume later)" or KEEP, asked with HEADER and TEXT, owned by OWNER. */
    private static javafx.scene.control.Alert closeQuestion(javafx.stage.Window owner, String header, String text,
            String keep) {
        javafx.scene.control.ButtonType close = new javafx.scene.control.ButtonType("Close (resume later)",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType stay = new javafx.scene.control.ButtonType(keep,
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                text, close, stay);
        a.setTitle(TITLE);
        a.setHeaderText(header);
        return org.reprogram.workbench.ui.common.Windows.ownedBy(a, owner);
    }

    /** The workbench icon (assets/icon, 256 px), or null when the jar lacks it. */
    static javafx.scene.image.Image icon() {
        try (java.io.InputStream in = WorkbenchApp.class.getResourceAsStream("reprogram-workbench.png")) {
            return in == null ? null : new javafx.scene.image.Image(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The styled scene (also used by the GUI tests). */
    public static Scene scene(WorkbenchViewModel vm) {
        return scene(vm, WIDTH, HEIGHT);
    }

    static Scene scene(WorkbenchViewModel vm, double width, double height) {
        Scene scene = new Scene(new WorkbenchView(vm), width, height);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.training.closeReplay();
            vm.training.interrupt(); // the run folder is kept, marked interrupted and resumable
            try {
                vm.training.awaitIdle(10_000); // let the engine write result.json before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
