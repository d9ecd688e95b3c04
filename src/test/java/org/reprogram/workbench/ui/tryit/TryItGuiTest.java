package org.reprogram.workbench.ui.tryit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.predict.SmallRuns;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.WorkbenchApp;
import org.reprogram.workbench.ui.WorkbenchViewModel;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless (Monocle): the Runs tab's "Try it…" opens the window of the selected run, which loads
 * it off the UI thread and shows, per image, the programmed input, the target class and what the
 * source saw; bad files show their error.
 */
@ExtendWith(ApplicationExtension.class)
class TryItGuiTest {

    private static Path runs;
    private static Path digits5;
    private WorkbenchViewModel vm;

    @BeforeAll
    static void trainOneRun() throws Exception {
        Path tmp = Files.createTempDirectory("tryit-gui");
        digits5 = SmallRuns.digits5(tmp);
        runs = tmp.resolve("runs");
        SmallRuns.train(SmallRuns.config(SmallRuns.TINY.toString(), digits5, "full", "flm",
                "whitebox"), runs.resolve("20260101-000000-full-flm-digits5"));
    }

    @Start
    void start(Stage stage) {
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(runs), TrainingBackend.engine(100));
        stage.setScene(WorkbenchApp.scene(vm));
        stage.show();
    }

    @Test
    void runsTabOpensTryItForTheSelectedRun(FxRobot robot) throws Exception {
        robot.clickOn("Runs");
        TableView<?> table = robot.lookup("#runsTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        Button tryRun = robot.lookup("#tryRun").queryAs(Button.class);
        assertTrue(tryRun.isDisabled(), "nothing selected");
        robot.interact(() -> table.getSelectionModel().select(0));
        assertFalse(tryRun.isDisabled());
        assertFalse(robot.lookup("#exportBundle").queryAs(Button.class).isDisabled());
        robot.clickOn("#tryRun");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#tryTitle").tryQueryAs(Label.class)
                .map(l -> l.getText().contains("best state")).orElse(false));
        Label title = robot.lookup("#tryTitle").queryAs(Label.class);
        assertTrue(title.getText().startsWith("20260101-000000-full-flm-digits5 · 5 classes · best state (epoch "),
                title.getText());
        assertTrue(title.getText().contains("test accuracy 0."), title.getText());
        assertFalse(robot.lookup("#tryChoose").queryAs(Button.class).isDisabled(), "ready for images");
        assertTrue(robot.lookup("#tryExport").queryAs(Button.class).isVisible(), "a run can be exported");
    }

    @Test
    void eachImageShowsItsProgrammedInputTargetAndSource(FxRobot robot) throws Exception {
        TryItViewModel tryVm = new TryItViewModel(new FxTaskExecutor(), TestPaths.fixtures().resolve("bundle/pad-ilm.zip"));
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = TryItWindow.show(null, tryVm)); // loads in the background
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tryVm.ready().get());
        Path broken = Files.writeString(Files.createTempDirectory("tryit").resolve("broken.png"), "text");
        robot.interact(() -> tryVm.classify(List.of(TestPaths.fixtures().resolve("bundle/images/digit2.png"), broken)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tryVm.items.size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#tryResults").queryAs(ListView.class);
        List<ListCell<?>> cells = new java.util.ArrayList<>();
        for (Node n : robot.from(list).lookup(".list-cell").queryAll()) {
            if (((ListCell<?>) n).getItem() != null) {
                cells.add((ListCell<?>) n);
            }
        }
        cells.sort(java.util.Comparator.comparingInt(ListCell::getIndex));
        assertEquals(2, cells.size());
        Node good = cells.get(0).getGraphic();
        ImageView programmed = robot.from(good).lookup((Node n) -> n instanceof ImageView).queryAs(ImageView.class);
        assertEquals(16 * (TryItView.IMAGE_SIDE / 16), programmed.getImage().getWidth(), 0.0,
                "the 16-px programmed input, enlarged");
        List<String> texts = robot.from(good).lookup((Node n) -> n instanceof Label).queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertEquals("digit2.png", texts.get(0));
        assertTrue(texts.get(1).matches("\\d · \\d+\\.\\d %"), texts.toString());
        assertTrue(texts.get(3).startsWith("the source model saw: "), texts.toString());
        List<String> errorTexts = robot.from(cells.get(1).getGraphic()).lookup((Node n) -> n instanceof Label).queryAll()
                .stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(errorTexts.get(1).contains("broken.png: is not a readable PNG/JPEG/BMP/GIF image"),
                errorTexts.toString());
        assertFalse(robot.lookup("#tryExport").queryAs(Button.class).isVisible(), "a bundle is not exported again");
        robot.interact(() -> stage[0].close());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tryVm.ready().get()); // closing frees the classifier
    }
}
