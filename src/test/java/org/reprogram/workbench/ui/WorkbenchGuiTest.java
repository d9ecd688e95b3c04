package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.reprogram.workbench.ui.training.ConfusionMatrixView;
import org.reprogram.workbench.ui.training.SampleViews;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.reprogram.workbench.core.train.RunStatus;

/** Drives the real window headless (Monocle): pick model and data, train, pause/resume, cancel, replay, compare. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {

    private WorkbenchViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path runs = Files.createTempDirectory("gui-runs");
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(runs), TrainingBackend.engine(100));
        stage.setScene(WorkbenchApp.scene(vm));
        stage.setTitle(WorkbenchApp.TITLE);
        stage.show();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    /** Types into a setup field (set on the control itself: the field may be scrolled out of view). */
    private static void type(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField f = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> f.setText(text));
    }

    private static <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    @Test
    void theWindowHasTheWorkbenchIcon() {
        javafx.scene.image.Image icon = WorkbenchApp.icon();
        assertNotNull(icon, "reprogram-workbench.png is in the jar");
        assertEquals(256, icon.getWidth(), 0);
        assertFalse(icon.isError());
    }

    @Test
    void trainPauseResumeCancelReplayAndCompare(FxRobot robot) throws Exception {
        Button start = node(robot, "#start", Button.class);
        assertTrue(start.isDisabled(), "no target yet: Start is disabled");
        assertEquals("Choose a target dataset to start", node(robot, "#attention", Label.class).getText());
        Label targetMessage = node(robot, "#datasetError", Label.class);
        assertTrue(targetMessage.getText().contains("press Sample digits"), targetMessage.getText());
        assertTrue(targetMessage.getStyleClass().contains("next-step"), "a first start shows no red error");
        assertFalse(targetMessage.getStyleClass().contains("problem"));

        robot.clickOn("#source").clickOn("builtin:fmnist-cnn");
        waitFor(10, () -> node(robot, "#modelCard", Label.class).getText().contains("fmnist-cnn · input 1×32×32"));
        robot.clickOn("#sampleDigits");
        waitFor(30, () -> !start.isDisabled());
        assertTrue(node(robot, "#datasetSummary", Label.class).getText().contains("10 classes"));
        assertEquals(40, node(robot, "#datasetPreview", FlowPane.class).getChildren().size(), "4 images per class");
        type(robot, "#epochs", "zero");
        assertTrue(start.isDisabled(), "a bad number disables Start");
        assertEquals("Epochs: 'zero' is not a whole number", node(robot, "#epochsProblem", Label.class).getText());
        type(robot, "#epochs", "2");
        type(robot, "#batchSize", "16");
        assertFalse(start.isDisabled());

        // start paused: the initial program shows, but no step runs until Resume
        robot.clickOn("#start");
        robot.clickOn("#pause");
        assertEquals("Resume", node(robot, "#pause", Button.class).getText());
        ImageView program = node(robot, "#programImage", ImageView.class);
        waitFor(60, () -> program.getImage() != null);
        Image initial = program.getImage();
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.training.metrics.isEmpty(), "no epoch finishes while paused");
        assertEquals(0, vm.training.history.shown().get().step(), "no training step while paused");
        robot.clickOn("#pause");
        assertEquals("Pause", node(robot, "#pause", Button.class).getText());

        waitFor(300, () -> !vm.training.running.get()); // generous: a loaded 2-core machine needs minutes
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.training.result.get(), vm.training.status.get());
        assertEquals(RunStatus.COMPLETED, vm.training.result.get().status(), vm.training.status.get());
        LineChart<?, ?> acc = node(robot, "#accuracyChart", LineChart.class);
        assertEquals(2, acc.getData().get(0).getData().size(), "train accuracy: one point per epoch");
        assertEquals(2, node(robot, "#metricsTable", TableView.class).getItems().size(), "raw values table");
        assertNotEquals(initial, program.getImage(), "the program image was replaced as training went on");
        assertTrue(differs(initial, program.getImage()), "the learned frame is no longer flat gray");
        Slider slider = node(robot, "#stepSlider", Slider.class);
        assertEquals(2, slider.getMax(), 0, "epoch 0 + 2 epoch ends");
        assertEquals(10, node(robot, "#gallery", FlowPane.class).getChildren().size(), "one sample card per class");

        // beside each target class of the mapping: two pictures of the built-in model's mapped source class
        java.util.Set<ImageView> pictures = robot.lookup("#mappingExamples .mapping-example").queryAllAs(ImageView.class);
        assertEquals(20, pictures.size(), "10 target classes x 2 pictures");
        int mapped = vm.training.history.shown().get().assignment()[0][0];
        String sourceName = vm.training.info.get().sourceClasses().get(mapped);
        ImageView firstOfRow0 = pictures.stream().min(java.util.Comparator.comparingDouble(ImageView::getLayoutY)
                .thenComparingDouble(ImageView::getLayoutX)).orElseThrow();
        assertEquals(sourceName + " (source class " + mapped + ")", firstOfRow0.getAccessibleText());
        for (ImageView p : pictures) {
            assertEquals(28, p.getImage().getWidth(), 0, "a Fashion-MNIST example");
            assertTrue(hasBrightPixels(p.getImage()), "not blank");
        }

        // a confusion cell lists its validation images
        ConfusionMatrixView confusion = node(robot, "#confusionMatrix", ConfusionMatrixView.class);
        assertEquals(10, confusion.rows());
        assertTrue(node(robot, "#confusionCaption", Label.class).getText().startsWith("test split"),
                "the end of a run shows the test split's matrix");
        robot.clickOn("#confusionValidation"); // validation images are listed per cell
        robot.clickOn(confusion.cellCenterOnScreen(0, 0));
        int expected = Math.min(SampleViews.MAX_CELL_IMAGES, confusion.count(0, 0));
        assertTrue(expected > 0);
        assertEquals(expected, node(robot, "#cellImages", FlowPane.class).getChildren().size());
        assertArrayEquals(new int[] {0, 0}, confusion.highlighted(), "the clicked cell is outlined");

        // a second, longer run, cancelled
        type(robot, "#epochs", "40");
        robot.clickOn("#start");
        WaitForAsyncUtils.waitForFxEvents();
        if (vm.training.metrics.isEmpty()) { // (its first epoch has not ended yet)
            assertEquals(0, acc.getData().get(0).getData().size(), "the previous run's curves are gone at Start");
            assertEquals(0, node(robot, "#metricsTable", TableView.class).getItems().size());
        }
        waitFor(60, () -> vm.training.metrics.size() >= 1);
        waitFor(10, () -> vm.runs.runs().stream().anyMatch(r -> "running".equals(r.status())));
        robot.clickOn("#cancel");
        waitFor(60, () -> !vm.training.running.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunStatus.CANCELLED, vm.training.result.get().status());

        // runs tab: open the completed run and scrub its history
        robot.clickOn("Runs");
        TableView<?> table = node(robot, "#runsTable", TableView.class);
        waitFor(10, () -> table.getItems().size() == 2);
        robot.interact(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if ("completed".equals(((RunRecord) table.getItems().get(i)).status())) {
                    table.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        robot.clickOn("#openRun");
        waitFor(10, () -> vm.tab.get() == WorkbenchViewModel.TRAIN_TAB && vm.training.history.epochs().size() == 3);
        assertEquals(2, slider.getMax(), 0);
        robot.interact(() -> slider.setValue(0));
        assertEquals(0, vm.training.history.shown().get().epoch());
        assertNotNull(program.getImage());
        assertTrue(node(robot, "#programCaption", Label.class).getText().contains("epoch 0"));
        waitFor(60, () -> vm.training.samples.hint.get().contains("move the slider to epoch 1"));
        assertTrue(vm.training.samples.items.isEmpty(), "before training no predictions were recorded");
        // replay recomputes the samples of the slider's epoch from the run folder (bug 3): a card per class
        robot.interact(() -> slider.setValue(1));
        waitFor(60, () -> vm.training.samples.items.size() == 10 && SampleViews.HINT.equals(vm.training.samples.hint.get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, node(robot, "#gallery", javafx.scene.layout.FlowPane.class).getChildren().size());
        assertTrue(vm.training.samples.items.stream().allMatch(g -> g.original() != null), "with the target images");
        java.util.List<String> before = vm.training.samples.items.stream().map(g -> g.trueName()).toList();
        robot.interact(() -> slider.setValue(2));
        waitFor(60, () -> vm.training.samples.items.size() == 10 && SampleViews.HINT.equals(vm.training.samples.hint.get()));
        assertEquals(before, vm.training.samples.items.stream().map(g -> g.trueName()).toList(), "the same images");
        robot.interact(vm.training::closeReplay); // its source model is native memory
        assertEquals(2, acc.getData().get(0).getData().size(), "replayed curves");

        // compare both runs (the comparison follows the selection)
        robot.clickOn("Runs");
        robot.interact(() -> table.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, node(robot, "#compareChart", LineChart.class).getData().size());
        assertEquals(2, node(robot, "#compareTable", TableView.class).getItems().size());
    }

    private static boolean hasBrightPixels(Image img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getPixelReader().getArgb(x, y) & 0xff) > 40) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean differs(Image a, Image b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        for (int x = 0; x < w; x += 3) {
            if (a.getPixelReader().getArgb(x, 1) != b.getPixelReader().getArgb(x, 1)) {
                return true;
            }
        }
        return false;
    }
}
