package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle): pick data, train, pause/resume, cancel, replay. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {

    private TrainingViewModel vm;
    private Path runs;

    @Start
    void start(Stage stage) throws Exception {
        runs = Files.createTempDirectory("gui-runs");
        vm = new TrainingViewModel(runs);
        RunsViewModel runsVm = new RunsViewModel(runs);
        vm.setOnFinished(runsVm::refresh);
        WorkbenchView view = new WorkbenchView(vm, runsVm);
        stage.setScene(new Scene(view.root(), 1400, 900));
        stage.getScene().getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setTitle(WorkbenchApp.TITLE);
        stage.show();
    }

    private static void waitFor(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void trainPauseResumeCancelAndReplay(FxRobot robot) throws Exception {
        Button start = robot.lookup("#start").queryAs(Button.class);
        assertTrue(start.isDisabled(), "no target yet: Start is disabled");
        assertTrue(robot.lookup("#problems").queryAs(Label.class).getText().contains("target"));

        robot.clickOn("#sampleDigits");
        robot.interact(() -> {
            vm.epochs.set(3);
            vm.mapping.set(org.reprogram.workbench.core.mapping.MappingKind.FLM);
        });
        waitFor(30, () -> !start.isDisabled());
        assertTrue(robot.lookup("#datasetStatus").queryAs(Label.class).getText().contains("10 classes"));
        assertEquals(10 * (1 + DatasetPreview.PER_CLASS),
                robot.lookup("#datasetPreview").queryAs(javafx.scene.layout.GridPane.class).getChildren().size(),
                "class label + 5 thumbnails per class");
        robot.clickOn("#start");

        ImageView program = robot.lookup("#programImage").queryAs(ImageView.class);
        waitFor(60, () -> program.getImage() != null);
        waitFor(60, () -> vm.metrics.size() >= 1);

        robot.clickOn("#pause");
        assertTrue(vm.paused.get());
        assertEquals("Resume", robot.lookup("#pause").queryAs(Button.class).getText());
        Thread.sleep(700); // a step in flight may still land
        WaitForAsyncUtils.waitForFxEvents();
        long stepWhilePaused = vm.live.get().step();
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(stepWhilePaused, vm.live.get().step(), "no training steps while paused");
        robot.clickOn("#pause");
        assertFalse(vm.paused.get());

        waitFor(120, () -> !vm.running.get());
        assertEquals("completed", vm.result.get().status(), String.valueOf(vm.result.get().message()));
        LineChart<?, ?> acc = robot.lookup("#accuracyChart").queryAs(LineChart.class);
        assertEquals(3, acc.getData().get(0).getData().size(), "train accuracy curve has one point per epoch");
        assertEquals(4, vm.history.size(), "epoch 0 + 3 epoch ends for the slider");
        assertTrue(robot.lookup("#progress").queryAs(Label.class).getText().contains("completed"));
        javafx.scene.layout.GridPane confusion = robot.lookup("#confusionGrid").queryAs(javafx.scene.layout.GridPane.class);
        assertEquals(100, confusion.getChildren().size());
        // clicking the diagonal cell of class 0 lists its correctly classified validation images
        Label cell00 = (Label) confusion.getChildren().get(0);
        int expected = Math.min(24, Integer.parseInt(cell00.getText()));
        robot.clickOn(cell00);
        assertEquals(expected, robot.lookup("#gallery").queryAs(javafx.scene.layout.HBox.class).getChildren().size());

        // a second run, cancelled
        robot.interact(() -> vm.epochs.set(50));
        robot.clickOn("#start");
        waitFor(60, () -> vm.metrics.size() >= 1);
        robot.clickOn("#cancel");
        waitFor(60, () -> !vm.running.get());
        assertEquals("cancelled", vm.result.get().status());

        // runs tab: both runs listed; open the completed one and scrub its history
        robot.clickOn("Runs");
        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        waitFor(10, () -> table.getItems().size() == 2);
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                var r = (org.reprogram.workbench.core.run.RunRecord) table.getItems().get(i);
                if ("completed".equals(r.status())) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        robot.clickOn("#openRun");
        waitFor(10, () -> vm.history.size() == 4 && !vm.followNewest.get());
        Slider slider = robot.lookup("#stepSlider").queryAs(Slider.class);
        assertEquals(3, slider.getMax(), 0);
        robot.interact(() -> slider.setValue(0));
        assertEquals(0, vm.historyIndex.get());
        assertNotNull(program.getImage());
        assertEquals(0, vm.shown().epoch(), "slider at 0 shows the initial program");

        // compare both runs: one overlaid validation curve each
        robot.clickOn("Runs");
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("Compare selected");
        assertEquals(2, robot.lookup("#compareChart").queryAs(LineChart.class).getData().size());
        assertTrue(robot.lookup("#compareText").queryAs(Label.class).getText().contains("test acc"));
    }
}
