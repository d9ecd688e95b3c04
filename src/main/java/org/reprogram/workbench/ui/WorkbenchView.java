package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.ui.runs.BaselineQueueView;
import org.reprogram.workbench.ui.runs.RunsView;
import org.reprogram.workbench.ui.setup.SetupView;
import org.reprogram.workbench.ui.studies.StudiesView;
import org.reprogram.workbench.ui.training.TrainingView;
import org.reprogram.workbench.ui.tryit.TryItWindow;

/**
 * The window content: Train tab (setup left, collapsible, Start below it; training view), Runs
 * tab and Studies tab.
 */
public final class WorkbenchView extends TabPane {

    public WorkbenchView(WorkbenchViewModel vm) {
        SetupView setup = new SetupView(vm.setup);
        setup.disableProperty().bind(vm.training.running);
        ScrollPane setupScroll = new ScrollPane(setup);
        setupScroll.setFitToWidth(true);
        setupScroll.setPrefWidth(390);
        setupScroll.setMinWidth(340);
        setupScroll.getStyleClass().add("edge-to-edge");

        Label problems = SetupView.attentionLine(vm.setup); // each field shows its own problem
        Button demo = new Button("Start teaching demo");
        demo.setId("demo");
        demo.setTooltip(new Tooltip("Replaces the form with the demo preset (built-in Fashion-MNIST model → sample"
                + " digits, measured settings) and starts training at once"));
        demo.disableProperty().bind(vm.training.running);
        demo.setOnAction(e -> vm.startDemo());
        Button start = new Button("Start training");
        start.setId("start");
        start.getStyleClass().add("primary");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.canStart().not());
        start.setOnAction(e -> vm.start());
        VBox footer = new VBox(6, problems, new HBox(8, start, demo));
        footer.getStyleClass().add("footer");
        BorderPane left = new BorderPane(setupScroll);
        left.setBottom(footer);
        left.setPrefWidth(390);
        left.setMinWidth(340);
        left.setId("setupPanel");
        // collapsible: the toggle in the training toolbar, presentation mode, a narrow window while training
        left.visibleProperty().bind(vm.setupVisible());
        left.managedProperty().bind(left.visibleProperty());

        Consumer<Path> tryIt = dir -> TryItWindow.show(getScene().getWindow(), vm.tryIt(dir));
        BorderPane train = new BorderPane(new TrainingView(vm.training, tryIt, setupToggle(vm)));
        train.setLeft(left);
        BorderPane.setMargin(left, new Insets(0, 10, 0, 0));
        train.setPadding(new Insets(10));
        sceneProperty().addListener((o, was, scene) -> {
            vm.narrow.unbind();
            if (scene != null) {
                vm.narrow.bind(scene.widthProperty().lessThan(WorkbenchViewModel.NARROW_WIDTH));
            }
        });

        RunsView runs = new RunsView(vm.runs, vm::openRun, vm::resumeRun, r -> tryIt.accept(r.dir()),
                new BaselineQueueView(vm.baselines, vm.canRunBaselines(), vm::runBaselines));
        BorderPane runsPane = new BorderPane(runs);
        runsPane.setPadding(new Insets(10));
        Tab trainTab = new Tab("Train", train);
        trainTab.setId("trainTab");
        Tab runsTab = new Tab("Runs", runsPane);
        runsTab.setId("runsTab");
        Tab studiesTab = new Tab("Studies", new StudiesView(vm.studies));
        studiesTab.setId("studiesTab");
        getTabs().addAll(trainTab, runsTab, studiesTab);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        vm.tab.addListener((o, a, t) -> getSelectionModel().select(t.intValue()));
        // the base of a new study is the Train tab's setup as it is when the Studies tab is shown
        studiesTab.setOnSelectionChanged(e -> {
            if (studiesTab.isSelected()) {
                vm.studies.form.refreshBase();
            }
        });
        getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.tab.set(i.intValue()));
    }

    /** "◀ Hide setup" / "▶ Show setup" at the start of the training toolbar. */
    private static Button setupToggle(WorkbenchViewModel vm) {
        Button b = new Button();
        b.setId("toggleSetup");
        b.textProperty().bind(Bindings.when(vm.setupShown).then("◀ Hide setup").otherwise("▶ Show setup"));
        b.setTooltip(new Tooltip("Hide or show the setup form: the live views get the whole width. In a window"
                + " narrower than " + (int) WorkbenchViewModel.NARROW_WIDTH + " px the setup hides while a run"
                + " trains and comes back when it ends."));
        b.disableProperty().bind(vm.training.presentation);
        b.setOnAction(e -> vm.toggleSetup());
        return b;
    }
}
