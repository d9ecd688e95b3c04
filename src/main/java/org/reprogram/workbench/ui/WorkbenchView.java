package org.reprogram.workbench.ui;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The window content: setup on the left, live view in the centre, controls at the bottom, runs tab. */
final class WorkbenchView {

    private final TabPane tabs = new TabPane();

    WorkbenchView(TrainingViewModel vm, RunsViewModel runs) {
        SetupView setup = new SetupView(vm);
        LiveView live = new LiveView(vm);

        Button start = new Button("Start");
        start.setId("start");
        start.disableProperty().bind(vm.canStart().not());
        start.setOnAction(e -> vm.start());
        Button pause = new Button("Pause");
        pause.setId("pause");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(vm.paused).then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Pause: training waits between steps; Resume continues exactly where it was."));
        pause.disableProperty().bind(vm.running.not());
        pause.setOnAction(e -> vm.pauseResume());
        Button stop = new Button("Stop after epoch");
        stop.setId("stop");
        stop.setTooltip(new Tooltip("Stop: finish the current epoch, evaluate on the test split and save the run."));
        stop.disableProperty().bind(vm.running.not());
        stop.setOnAction(e -> vm.stop());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setTooltip(new Tooltip("Cancel: abort now; the run folder keeps what was recorded, marked cancelled."));
        cancel.disableProperty().bind(vm.running.not());
        cancel.setOnAction(e -> vm.cancel());
        Button demo = new Button("Teaching demo");
        demo.setId("demo");
        demo.disableProperty().bind(vm.running);
        demo.setOnAction(e -> vm.loadDemo());

        Label progress = new Label();
        progress.setId("progress");
        progress.getStyleClass().add("status");
        progress.textProperty().bind(vm.progressText);
        Label device = new Label();
        device.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.info.get() == null ? "" : "device " + vm.info.get().device(), vm.info));
        Label warning = new Label();
        warning.setId("warning");
        warning.getStyleClass().add("warning");
        warning.setWrapText(true);
        warning.textProperty().bind(vm.warning);
        warning.visibleProperty().bind(vm.warning.isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());

        javafx.scene.control.ComboBox<Integer> liveRate = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(250, 500, 2000, 0));
        liveRate.setId("liveRate");
        liveRate.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer ms) {
                return ms == null ? "" : ms == 0 ? "live: epoch ends" : "live: every " + ms + " ms";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        liveRate.setValue(vm.liveMillis.get());
        liveRate.valueProperty().addListener((o, a, v) -> vm.liveMillis.set(v == null ? 0 : v));
        liveRate.setTooltip(new Tooltip("How often the live view refreshes between epochs (applies to the next run)."
                + " Rendering competes with training for the CPU on small machines."));
        HBox controls = new HBox(8, demo, start, pause, stop, cancel, liveRate, progress, device);
        controls.setPadding(new Insets(8));
        BorderPane train = new BorderPane();
        train.setLeft(new ScrollPane(setup.root()));
        ScrollPane centre = new ScrollPane(new VBox(8, warning, live.root()));
        centre.setFitToWidth(true);
        train.setCenter(centre);
        train.setBottom(controls);
        BorderPane.setMargin(train.getCenter(), new Insets(0, 0, 0, 8));

        RunsView runsView = new RunsView(runs, record -> {
            vm.showRun(record);
            tabs.getSelectionModel().select(0);
        });
        Tab trainTab = new Tab("Train", train);
        Tab runsTab = new Tab("Runs", runsView.root());
        runsTab.setId("runsTab");
        trainTab.setClosable(false);
        runsTab.setClosable(false);
        tabs.getTabs().addAll(trainTab, runsTab);
        tabs.setPadding(new Insets(8));
    }

    Parent root() {
        return tabs;
    }
}
