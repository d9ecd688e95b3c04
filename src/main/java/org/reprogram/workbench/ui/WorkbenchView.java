package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
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
import org.reprogram.workbench.ui.training.TrainingView;
import org.reprogram.workbench.ui.tryit.TryItWindow;

/** The window content: Train tab (setup left, Start below it, training view) and Runs tab. */
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

        Consumer<Path> tryIt = dir -> TryItWindow.show(getScene().getWindow(),
                vm.tryIt(dir));
        BorderPane train = new BorderPane(new TrainingView(vm.training, tryIt));
        train.setLeft(left);
        BorderPane.setMargin(left, new Insets(0, 10, 0, 0));
        train.setPadding(new Insets(10));

        RunsView runs = new RunsView(vm.runs, vm::openRun, vm::resumeRun, r -> tryIt.accept(r.dir()),
                new BaselineQueueView(vm.baselines, vm.canRunBaselines(), vm::runBaselines));
        BorderPane runsPane = new BorderPane(runs);
        runsPane.setPadding(new Insets(10));
        Tab trainTab = new Tab("Train", train);
        trainTab.setId("trainTab");
        Tab runsTab = new Tab("Runs", runsPane);
        runsTab.setId("runsTab");
        getTabs().addAll(trainTab, runsTab);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        vm.tab.addListener((o, a, t) -> getSelectionModel().select(t.intValue()));
        getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.tab.set(i.intValue()));
    }
}
