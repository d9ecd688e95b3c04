package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.reprogram.workbench.ui.training.ConfusionMatrixView;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * What a new user hit in the window (headless): Try it from the Train tab (its window's size, place
 * and owner; disabled for a run cancelled before its first epoch), Back to live keeping the view
 * where it was, a confusion cell not carried into the next run, the window and its dialogs on a
 * small screen. A scripted engine sends EPOCHS epochs at once, then (HOLD) trains on until cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class WindowBehaviourGuiTest {

    private WorkbenchViewModel vm;
    private Stage stage;
    private volatile int epochs = 2;
    private volatile boolean hold;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        Path runs = Files.createTempDirectory("window-runs");
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(runs), backend());
        stage.setScene(WorkbenchApp.scene(vm));
        stage.setTitle(WorkbenchApp.TITLE);
        stage.show();
    }

    private TrainingBackend backend() {
        return (cfg, data, dir, l, ctl) -> {
            dir.create();
            l.onStart(new RunInfo("fmnist-cnn", names(10), "digits", names(10), new Placement(1, 32, 32, 10, 10), 924,
                    156234, "cpu()", List.of(), 100, 40, 40, new int[0]));
            l.onSnapshot(snapshot(0, false));
            int done = 0;
            for (int e = 1; e <= epochs && !ctl.isCancelled(); e++) {
                l.onEpoch(new EpochMetrics(e, 1.0 / e, 0.5, 0.9, 0.6, 0.01, 1000, e, 0, Double.NaN, null));
                l.onSnapshot(snapshot(e, true));
                done = e;
            }
            while (hold && !ctl.isCancelled()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    break;
                }
            }
            RunStatus status = ctl.isCancelled() ? RunStatus.CANCELLED : RunStatus.COMPLETED;
            return TrainingResult.builder().status(status).testAccuracy(done == 0 ? Double.NaN : 0.75)
                    .testLoss(0.5).bestValAccuracy(0.6).parameters(924, 156234).wallSeconds(1).epochs(done)
                    .program("pad").mapping("ilm").trainer("whitebox").source("builtin").target("digits")
                    .device("cpu()").imagesPerSecond(1000).peakRssMegabytes(300).testAccuracyAtBestVal(0.75)
                    .bestEpoch(done).build();
        };
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            out.add(Integer.toString(c));
        }
        return out;
    }

    private static TrainingSnapshot snapshot(int epoch, boolean end) {
        float[] program = new float[32 * 32];
        float[][] weights = new float[10][10];
        int[][] assignment = new int[10][];
        int[][] confusion = new int[10][10];
        for (int t = 0; t < 10; t++) {
            weights[t][t] = 1;
            assignment[t] = new int[] {t};
            confusion[t][t] = 4;
        }
        return new TrainingSnapshot(epoch, epoch * 10L, end, 1, 32, 32, program, true, Double.NaN, weights, assignment,
                List.of(), end ? confusion : null, null, null);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private void train(FxRobot robot) throws Exception {
        robot.interact(() -> vm.training.start(RunSpec.defaults("digits").with(Settings.EPOCHS, Math.max(1, epochs)),
                null));
        if (!hold) {
            waitFor(20, () -> !vm.training.running.get());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Stage tryItStage(Window main) {
        return Window.getWindows().stream().filter(w -> w != main && w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith("Try it")).map(w -> (Stage) w).findFirst()
                .orElse(null);
    }

    @Test
    void tryItFromTheTrainTabOpensAFullSizedWindowCentredOnTheWorkbench(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setX(40); // away from the screen's centre: a window centred on the screen would show it
            stage.setY(10);
            stage.setWidth(1100);
            stage.setHeight(760);
        });
        train(robot);
        Button tryIt = robot.lookup("#tryIt").queryButton();
        assertTrue(!tryIt.isDisabled(), "a finished run can be tried");
        robot.clickOn("#tryIt");
        waitFor(10, () -> tryItStage(stage) != null && tryItStage(stage).isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        Stage tryStage = tryItStage(stage);
        assertSame(stage, tryStage.getOwner(), "owned by the workbench window");
        assertTrue(tryStage.getWidth() >= 700 && tryStage.getHeight() >= 600,
                "full size: " + tryStage.getWidth() + "x" + tryStage.getHeight());
        double dx = (tryStage.getX() + tryStage.getWidth() / 2) - (stage.getX() + stage.getWidth() / 2);
        double dy = (tryStage.getY() + tryStage.getHeight() / 2) - (stage.getY() + stage.getHeight() / 2);
        assertTrue(Math.abs(dx) <= 2 && Math.abs(dy) <= 2, "centred on its owner: off by " + dx + ", " + dy);
        for (String id : new String[] {"#tryChoose", "#tryFolder", "#tryExport"}) {
            Button b = robot.from(tryStage.getScene().getRoot()).lookup(id).queryButton();
            String shown = robot.from(b).lookup((Node n) -> n instanceof Text).queryAs(Text.class).getText();
            assertEquals(b.getText(), shown, id + " is not cut off");
        }
        robot.interact(tryStage::close);
    }

    @Test
    void tryItIsDisabledForARunCancelledBeforeItsFirstEpoch(FxRobot robot) throws Exception {
        epochs = 0;
        hold = true;
        train(robot);
        waitFor(10, () -> vm.training.runDir.get() != null);
        robot.interact(vm.training::cancel);
        waitFor(20, () -> !vm.training.running.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunStatus.CANCELLED, vm.training.result.get().status());
        assertTrue(robot.lookup("#tryIt").queryButton().isDisabled(), "nothing was trained: nothing to try");
    }

    @Test
    void backToLiveKeepsTheProgramMappingAndConfusionInView(FxRobot robot) throws Exception {
        epochs = 3;
        hold = true;
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        train(robot);
        waitFor(20, () -> vm.training.history.epochs().size() == 4);
        ScrollPane scroll = robot.lookup("#trainingScroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            vm.training.history.select(1); // looking back while training goes on
            scroll.setVvalue(0);
        });
        Button back = robot.lookup("#backToLive").queryButton();
        assertTrue(back.isVisible());
        robot.clickOn(back);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.training.history.followLatestProperty().get(), "following the newest state again");
        assertEquals(0, scroll.getVvalue(), 1e-9, "the view did not scroll away");
        Node program = robot.lookup("#programImage").query();
        Bounds viewport = scroll.localToScreen(scroll.getLayoutBounds());
        assertTrue(viewport.contains(program.localToScreen(program.getLayoutBounds()).getCenterX(),
                program.localToScreen(program.getLayoutBounds()).getCenterY()), "the program is still on screen");
        robot.interact(vm.training::cancel);
        waitFor(20, () -> !vm.training.running.get());
    }

    @Test
    void aConfusionCellChosenInOneRunIsNotChosenInTheNext(FxRobot robot) throws Exception {
        train(robot);
        ConfusionMatrixView confusion = robot.lookup("#confusionMatrix").queryAs(ConfusionMatrixView.class);
        robot.interact(() -> vm.training.confusion.showTestProperty().set(false));
        robot.interact(() -> vm.training.selectCell(3, 3));
        assertTrue(vm.training.confusion.cellCaption().get().startsWith("true 3, predicted 3: 4"),
                vm.training.confusion.cellCaption().get());
        assertEquals(3, confusion.highlighted()[0]);

        train(robot); // the next run
        assertNull(confusion.highlighted(), "no cell outlined in the new run");
        assertNull(vm.training.confusion.selectedCell().get());
        assertEquals("Click a cell of the confusion matrix to see its validation images.",
                vm.training.confusion.cellCaption().get(), "the hint, not the old cell's '0 validation images'");
    }

    @Test
    void theWindowFitsA1280x720ScreenAndItsDialogsBelongToIt(FxRobot robot) {
        Rectangle2D small = new Rectangle2D(0, 0, 1280, 720);
        robot.interact(() -> WorkbenchApp.place(stage, vm, small));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getX() >= 0 && stage.getY() >= 0 && stage.getX() + stage.getWidth() <= 1280
                && stage.getY() + stage.getHeight() <= 720, "on screen: " + stage.getX() + "," + stage.getY() + " "
                + stage.getWidth() + "x" + stage.getHeight());
        Rectangle2D panel = new Rectangle2D(0, 32, 1920, 1048); // a task bar on top of a large screen
        Rectangle2D large = org.reprogram.workbench.ui.common.Windows.fit(panel, WorkbenchApp.WIDTH, WorkbenchApp.HEIGHT);
        assertEquals(new Rectangle2D(260, 106, 1400, 900), large, "the preferred size, centred below the task bar");

        Alert[] dialog = new Alert[1];
        robot.interact(() -> {
            stage.setX(30);
            stage.setY(20);
            dialog[0] = WorkbenchApp.closeDialog(stage);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Window d = dialog[0].getDialogPane().getScene().getWindow();
        assertSame(stage, dialog[0].getOwner(), "the close question belongs to the window");
        double dx = (d.getX() + d.getWidth() / 2) - (stage.getX() + stage.getWidth() / 2);
        assertTrue(Math.abs(dx) <= 2, "centred on the window, not on the screen's corner: off by " + dx);
        robot.interact(() -> dialog[0].close());
    }
}
