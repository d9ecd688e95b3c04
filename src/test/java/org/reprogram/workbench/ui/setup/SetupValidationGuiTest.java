package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * The setup marks a bad field where it is, in its own words, and nothing moves while the user
 * types: the rows below, the Start button and the footer line keep their places.
 */
@ExtendWith(ApplicationExtension.class)
class SetupValidationGuiTest {

    @Start
    void start(Stage stage) throws Exception {
        WorkbenchViewModel vm = new WorkbenchViewModel(new FxTaskExecutor(),
                new RunStore(Files.createTempDirectory("setup-gui-runs")), TrainingBackend.engine(100));
        stage.setScene(WorkbenchApp.scene(vm));
        stage.show();
    }

    private static <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private static double sceneY(Node n) {
        return n.localToScene(n.getBoundsInLocal()).getMinY();
    }

    /** The setup's device chooser (the training view's device chip has the same id). */
    private static Node deviceChooser(FxRobot robot) {
        return robot.from(robot.lookup(".setup").queryAll()).lookup("#device").query();
    }

    /** Scene Y of the nodes that must not move, in order. */
    private static List<Double> places(FxRobot robot) {
        return List.of(sceneY(robot.lookup("#seed").query()), sceneY(deviceChooser(robot)),
                sceneY(robot.lookup("#start").query()), node(robot, "#attention", Label.class).getHeight());
    }

    @Test
    void typingABadValueMarksThatFieldBesideItAndMovesNothing(FxRobot robot) throws Exception {
        Button start = node(robot, "#start", Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> node(robot, "#modelCard", Label.class).getText().contains("fmnist-cnn"));
        robot.clickOn("#sampleDigits");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !start.isDisabled());
        Node up = robot.lookup(".setup").query();
        while (!(up instanceof ScrollPane)) {
            up = up.getParent();
        }
        ScrollPane scroll = (ScrollPane) up;
        robot.interact(() -> scroll.setVvalue(1)); // the optimisation fields are at the bottom of the setup
        WaitForAsyncUtils.waitForFxEvents();

        TextField share = node(robot, "#valFraction", TextField.class);
        Label message = node(robot, "#valFractionProblem", Label.class);
        assertFalse(share.getStyleClass().contains("invalid"));
        assertFalse(message.isVisible());
        assertEquals("", node(robot, "#attention", Label.class).getText());
        List<Double> before = places(robot);

        robot.clickOn(share);
        robot.interact(share::selectAll);
        robot.write("0.95");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.95", share.getText());
        assertTrue(share.getStyleClass().contains("invalid"), "the field itself is marked");
        assertTrue(message.isVisible());
        assertEquals("Validation share must be at least 0 and below 0.9", message.getText(), "the field's own label");
        assertEquals("1 field needs attention", node(robot, "#attention", Label.class).getText());
        assertTrue(start.isDisabled());
        assertEquals(before, places(robot), "rows below, Start and the footer line stay where they were");

        Bounds field = share.localToScene(share.getBoundsInLocal());
        Bounds text = message.localToScene(message.getBoundsInLocal());
        double next = sceneY(deviceChooser(robot));
        assertTrue(text.getMinY() >= field.getMaxY() - 1 && text.getMaxY() <= next + 1,
                "the message sits between its field (" + field.getMaxY() + ") and the next row (" + next + "): "
                        + text.getMinY() + " … " + text.getMaxY());

        // keystroke by keystroke, valid and invalid in turn: nothing below moves
        for (String typed : List.of("", "0", "0.", "0.3", "x", "0.35")) {
            robot.interact(() -> share.setText(typed));
            assertEquals(before, places(robot), "after typing '" + typed + "'");
        }
        assertFalse(share.getStyleClass().contains("invalid"), "fixing the value clears the mark");
        assertFalse(message.isVisible());

        robot.interact(() -> {
            node(robot, "#lr", TextField.class).setText("fast");
            node(robot, "#epochs", TextField.class).setText("0");
            share.setText("1");
        });
        assertEquals("3 fields need attention", node(robot, "#attention", Label.class).getText(), "one short line");
        assertEquals("Learning rate: 'fast' is not a number", node(robot, "#lrProblem", Label.class).getText());
        assertEquals("Epochs must be at least 1", node(robot, "#epochsProblem", Label.class).getText());
        assertEquals(before, places(robot), "three problems take no more room than none");
        robot.interact(() -> {
            node(robot, "#lr", TextField.class).setText("0.01");
            node(robot, "#epochs", TextField.class).setText("2");
            share.setText("0.1");
        });
        assertFalse(start.isDisabled());
        assertEquals("", node(robot, "#attention", Label.class).getText());
    }
}
