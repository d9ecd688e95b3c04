package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.reprogram.workbench.core.AppPaths;

/** The workbench window: options --runs-dir DIR, --demo. */
public final class WorkbenchApp extends Application {

    public static final String TITLE = "Reprogram Workbench";

    private TrainingViewModel training;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        Path runs = runsDir(args);
        training = new TrainingViewModel(runs);
        RunsViewModel runsModel = new RunsViewModel(runs);
        training.setOnFinished(runsModel::refresh);
        WorkbenchView view = new WorkbenchView(training, runsModel);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(view.root(), 1400, 900));
        stage.getScene().getStylesheets().add(getClass().getResource("workbench.css").toExternalForm());
        stage.show();
        if (args.contains("--demo")) {
            training.loadDemo();
            training.start();
        }
    }

    static Path runsDir(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--runs-dir=")) {
                return Path.of(a.substring("--runs-dir=".length()));
            }
            if (a.equals("--runs-dir") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
        }
        return AppPaths.defaultRunsDir();
    }

    @Override
    public void stop() {
        if (training != null) {
            training.cancelAndWait(10_000); // the run folder gets its result.json before the JVM exits
        }
    }
}
