package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Run baselines" in the Runs tab (1280x720, headless) with a TorchScript model whose sidecar has no
 * features method, trained by the real engine: the linear probe is skipped with its reason,
 * fine-tuning and scratch run, the message wraps in full and both buttons keep their text.
 */
@ExtendWith(ApplicationExtension.class)
class BaselineQueueGuiTest {

    private static final Path MODEL = TestPaths.fixtures().resolve("torchscript").resolve("tiny_cnn.pt");

    private BaselineQueueViewModel queue;
    private Path runs;

    @Start
    void start(Stage stage) throws Exception {
        runs = Files.createTempDirectory("baseline-gui");
        FxTaskExecutor executor = new FxTaskExecutor();
        RunStore store = new RunStore(runs);
        queue = new BaselineQueueViewModel(executor, store, BaselineBackend.engine());
        RunSpec setup = RunSpec.defaults(TestPaths.digits().toString()).withSource(MODEL.toString())
                .with(Settings.EPOCHS, 1).with(Settings.SHOTS, 5).with(Settings.VAL_FRACTION, 0.2)
                .with(Settings.DEVICE, "cpu");
        BaselineQueueView bar = new BaselineQueueView(queue, Bindings.createBooleanBinding(() -> true),
                () -> queue.runAll(setup));
        RunsView view = new RunsView(new RunsViewModel(executor, store), r -> { }, r -> { }, bar);
        BorderPane root = new BorderPane(view);
        root.setPadding(new Insets(10));
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(getClass().getResource("/org/reprogram/workbench/ui/workbench.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The text a Labeled really shows (its skin's Text node: "…" when cut). */
    private static String shown(FxRobot robot, Labeled l) {
        return robot.from(l).lookup((Text t) -> true).queryAs(Text.class).getText();
    }

    @Test
    void runsWhatCanRunAndSaysInFullWhatWasSkippedAndWhy(FxRobot robot) throws Exception {
        robot.clickOn("#runBaselines");
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> !queue.running.get() && queue.items.size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("skipped", queue.items.get(0).state(), queue.items.toString());
        assertTrue(queue.items.get(1).state().startsWith("test "), "fine-tuning ran: " + queue.items);
        assertTrue(queue.items.get(2).state().startsWith("test "), "scratch ran: " + queue.items);
        try (var folders = Files.list(runs)) {
            assertEquals(2, folders.filter(Files::isDirectory).count(), "two run folders, none for the probe");
        }

        Label status = robot.lookup("#baselineStatus").queryAs(Label.class);
        String text = status.getText();
        assertTrue(text.startsWith("Baselines finished") && text.contains("linear probe skipped: ")
                && text.contains("tiny_cnn.pt.json has no \"featuresMethod\"") && text.contains("Fix:"), text);
        assertEquals(text, shown(robot, status), "the whole message is shown, wrapped, not cut off");
        assertTrue(status.getHeight() > 2 * status.getFont().getSize(), "wraps over lines: " + status.getHeight());
        assertTrue(status.localToScene(status.getBoundsInLocal()).getMaxX() <= status.getScene().getWidth(),
                "within the window");
        Label items = robot.lookup("#baselineQueue").queryAs(Label.class);
        assertEquals(items.getText(), shown(robot, items));
        assertTrue(items.getText().startsWith("linear probe: skipped"), items.getText());

        for (String id : new String[] {"#runBaselines", "#cancelBaselines"}) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertEquals(b.getText(), shown(robot, b), id + " keeps its text");
            assertFalse(shown(robot, b).contains("…"), id);
            assertTrue(b.getWidth() >= b.prefWidth(-1) - 0.5, id + " keeps its size: " + b.getWidth());
        }
    }
}
