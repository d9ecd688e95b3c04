package org.reprogram.workbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.reprogram.workbench.core.run.RunStore;

/** The workbench window. Options: --runs-dir DIR (or --runs-dir=DIR), --demo. */
public final class WorkbenchApp extends Application {

    public static final String TITLE = "Reprogram Workbench";
    /**
     * Live view rate: a snapshot (program, mapping, samples) at most every 200 ms; override with
     * -Dreprogram.liveMillis=N (0: epoch ends only) where rendering competes with training.
     */
    public static final long SNAPSHOT_MILLIS = Long.getLong("reprogram.liveMillis", 200);

    private WorkbenchViewModel vm;

    @Override
    public void start(Stage stage) {
        AppArgs args = AppArgs.parse(getParameters().getRaw());
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(args.runsDir()),
                TrainingBackend.engine(SNAPSHOT_MILLIS));
        stage.setTitle(TITLE);
        stage.setScene(scene(vm));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.show();
        if (args.demo()) {
            vm.startDemo();
        }
    }

    /** The styled scene (also used by the GUI tests). */
    public static Scene scene(WorkbenchViewModel vm) {
        Scene scene = new Scene(new WorkbenchView(vm), 1400, 900);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.training.cancel(); // the run folder is kept, marked cancelled
            try {
                vm.training.awaitIdle(10_000); // let the engine write result.json before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
