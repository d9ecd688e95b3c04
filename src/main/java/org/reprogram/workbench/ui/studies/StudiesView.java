package org.reprogram.workbench.ui.studies;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Studies tab (binds {@link StudiesViewModel}): the new-study form on the left; on the right
 * the backend line with Cancel, Open study… and Resume, the live trials table, and below it the
 * leaderboard with its summary beside the parallel-coordinates plot.
 */
public final class StudiesView extends BorderPane {

    public StudiesView(StudiesViewModel vm) {
        setId("studiesView");
        ScrollPane formScroll = new ScrollPane(new StudyFormView(vm));
        formScroll.setFitToWidth(true);
        formScroll.setPrefWidth(400);
        formScroll.setMinWidth(340);
        formScroll.getStyleClass().add("edge-to-edge");
        setLeft(formScroll);
        BorderPane.setMargin(formScroll, new Insets(0, 10, 0, 0));

        Label backend = new Label();
        backend.setId("backendLine");
        backend.getStyleClass().add("mono");
        backend.textProperty().bind(Bindings.when(vm.backendLine.isEmpty())
                .then("Backend: local mode unless a Spark master is given").otherwise(Bindings.concat("Backend: ",
                        vm.backendLine)));
        backend.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(backend, Priority.ALWAYS);
        Button cancel = new Button("Cancel study");
        cancel.setId("cancelStudy");
        cancel.getStyleClass().add("danger");
        cancel.setTooltip(new Tooltip("Stops the trials in flight; the study folder keeps every finished trial, and"
                + " Resume runs the rest"));
        cancel.disableProperty().bind(vm.running.not());
        cancel.setOnAction(e -> vm.cancel());
        Button open = new Button("Open study…");
        open.setId("openStudy");
        open.disableProperty().bind(vm.running);
        open.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Open a study folder (one holding study.yaml)");
            File dir = c.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.open(dir.toPath());
            }
        });
        Button resume = new Button("Resume");
        resume.setId("resumeStudy");
        resume.setTooltip(new Tooltip("Runs the trials of the shown study that have not ended, continuing paused ones"
                + " from their checkpoints"));
        resume.disableProperty().bind(vm.canResume().not());
        resume.setOnAction(e -> vm.resume());
        HBox bar = new HBox(8, backend, cancel, open, resume);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label where = new Label();
        where.setId("studyFolder");
        where.getStyleClass().add("hint");
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.study.get() == null ? ""
                : "Study folder: " + vm.study.get(), vm.study));
        Label status = new Label();
        status.setId("studyStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.status);
        status.getStyleClass().add("status");
        status.visibleProperty().bind(vm.status.isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Label summary = new Label();
        summary.setId("studySummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summary);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        VBox board = new VBox(6, title("Leaderboard"), StudyTables.leaderboard(vm.leaderboard), summary);
        VBox.setVgrow(board.getChildren().get(1), Priority.ALWAYS);
        VBox plot = new VBox(6, title("Parallel coordinates"), new ParallelCoordinatesView(vm.coordinates));
        VBox.setVgrow(plot.getChildren().get(1), Priority.ALWAYS);
        SplitPane results = new SplitPane(board, plot);
        results.setDividerPositions(0.55);
        VBox trials = new VBox(6, title("Trials (double-click a finished one to replay it)"),
                StudyTables.trials(vm.trials, vm::openTrial));
        VBox.setVgrow(trials.getChildren().get(1), Priority.ALWAYS);
        SplitPane split = new SplitPane(trials, results);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox right = new VBox(6, bar, where, status, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(right);
        setPadding(new Insets(10));
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-title");
        return l;
    }
}
