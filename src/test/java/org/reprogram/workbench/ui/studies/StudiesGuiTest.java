package org.reprogram.workbench.ui.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.report.PngImage;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Studies tab at 1280x800 (headless) on an in-process backend: a bad value typed into a varied
 * setting shows the spec reader's error under it and disables Launch; a 4-trial study launched with
 * the button fills the trials table, the leaderboard and the parallel-coordinates plot, and a
 * double-click on a trial opens its run folder.
 * With -Dstudies.snapshot=FILE.png the finished screen is written there (to look at it; -Dstudies.size=WxH
 * for another size than 1280x800).
 */
@ExtendWith(ApplicationExtension.class)
class StudiesGuiTest {

    private StudiesViewModel vm;
    private final java.util.concurrent.atomic.AtomicReference<org.reprogram.workbench.core.run.RunRecord> opened =
            new java.util.concurrent.atomic.AtomicReference<>();
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Path tmp = Files.createTempDirectory("studies-gui");
        RunSpec base = RunSpec.defaults(TestPaths.digits().toString()).with(Settings.SHOTS, 10)
                .with(Settings.EPOCHS, 1);
        vm = new StudiesViewModel(new FxTaskExecutor(), new RunStore(tmp.resolve("runs")), () -> base, () -> "",
                FakeStudyBackend.factory(2), opened::set);
        vm.form.name.set("gui");
        vm.form.folder.set(tmp.resolve("study").toString());
        vm.form.seeds.set("1");
        vm.form.linearProbe.set(false);
        vm.form.refreshBase();
        vm.form.vary(ParameterRegistry.get("mapping"));
        vm.form.vary(ParameterRegistry.get("optimization.lr"));
        String[] size = System.getProperty("studies.size", "1280x800").split("x");
        scene = new Scene(new StudiesView(vm), Double.parseDouble(size[0]), Double.parseDouble(size[1]));
        scene.getStylesheets().add(getClass().getResource("/org/reprogram/workbench/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aBadValueIsShownUnderItsSettingAndLaunchIsDisabled(FxRobot robot) throws Exception {
        robot.clickOn("#values-optimization-lr").eraseText(10).write("0.05, fast");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#problem-optimization-lr")
                .queryAs(Label.class).getText().isEmpty());
        Label problem = robot.lookup("#problem-optimization-lr").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().startsWith("error: ") && problem.getText().contains("fast"), problem.getText());
        assertTrue(robot.lookup("#launchStudy").queryAs(Button.class).isDisabled());

        robot.clickOn("#values-optimization-lr").eraseText(10).write("0.05");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#launchStudy").queryAs(Button.class)
                .isDisabled());
        assertFalse(robot.lookup("#problem-optimization-lr").queryAs(Label.class).isVisible());
    }

    @Test
    void aLaunchedStudyFillsTheTablesAndThePlot(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.form.varied.get(0).values().set("flm, ilm");
            vm.form.varied.get(1).values().set("0.01, 0.05");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#launchStudy").queryAs(Button.class)
                .isDisabled());
        assertTrue(robot.lookup("#estimate").queryAs(Label.class).getText().contains("4 trials x 1 epoch"));
        robot.clickOn("#launchStudy");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.study.get() != null && !vm.running.get());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> trials = robot.lookup("#trialsTable").queryAs(TableView.class);
        assertEquals(4, trials.getItems().size());
        vm.trials.forEach(t -> assertEquals(TrialRow.COMPLETED, t.state(), t.toString()));
        assertEquals(4, robot.lookup("#leaderboard").queryAs(TableView.class).getItems().size());
        assertTrue(robot.lookup("#backendLine").queryAs(Label.class).getText().contains("in-process: 2 trials at once"));
        assertFalse(robot.lookup("#studySummary").queryAs(Label.class).getText().isBlank());
        // a double-click as the trial's row gets it (the headless robot's clicks do not count up to 2)
        TrialRow second = vm.trials.get(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rowOf(robot, trials, second) != null);
        javafx.scene.Node row = rowOf(robot, trials, second);
        robot.interact(() -> javafx.event.Event.fireEvent(row, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, javafx.scene.input.MouseButton.PRIMARY, 2,
                false, false, false, false, true, false, false, true, false, false, null)));
        assertEquals(second.run().dir(), opened.get() == null ? null : opened.get().dir(),
                "the trial's run folder opens; status: " + vm.status.get());
        WritableImage shot = snapshot(robot);
        assertTrue(blueLinesIn(shot, robot.lookup("#parallelCoordinates").query().localToScene(0, 0).getX()),
                "the plot draws its lines");
        String out = System.getProperty("studies.snapshot");
        if (out != null) {
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] argb = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
            PngImage.write(Path.of(out), w, h, argb);
        }
    }

    /** The table row showing ITEM, or null while none does. */
    private static javafx.scene.control.TableRow<?> rowOf(FxRobot robot, TableView<?> table, Object item) {
        return robot.from(table).lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> item.equals(r.getItem())).findFirst().orElse(null);
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        return img[0];
    }

    /** Whether the right part of SHOT from X on has pixels of the plot's dark blue (the best line). */
    private static boolean blueLinesIn(WritableImage shot, double x) {
        PixelReader r = shot.getPixelReader();
        for (int px = (int) x; px < shot.getWidth(); px += 2) {
            for (int py = 0; py < shot.getHeight(); py += 2) {
                int c = r.getArgb(px, py);
                int red = (c >> 16) & 0xff;
                int green = (c >> 8) & 0xff;
                int blue = c & 0xff;
                if (blue > 120 && red < 60 && green < 90) {
                    return true;
                }
            }
        }
        return false;
    }
}
