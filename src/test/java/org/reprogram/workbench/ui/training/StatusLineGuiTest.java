package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab's status line at 1280 px (beside the setup: about 850 px): a replay's summary is
 * shown whole, over two lines, instead of ending in "…".
 */
@ExtendWith(ApplicationExtension.class)
class StatusLineGuiTest {

    static final String REPLAY = "Replaying 20261206-030549-pad-ilm-digits (completed): test accuracy 85.0 %"
            + " (82.2 % at the best validation epoch 15), 20 epochs, 21.1 s, 2276 img/s";

    private TrainingViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new TrainingViewModel(new SyncTaskExecutor(), new RunStore(Files.createTempDirectory("status")),
                TrainingViewModelTest.scripted("completed", null));
        TrainingToolbar toolbar = new TrainingToolbar(vm, new Region());
        stage.setScene(new Scene(new BorderPane(null, toolbar, null, null, null), 850, 300));
        stage.show();
    }

    @Test
    void aLongStatusIsShownWhole(FxRobot robot) {
        robot.interact(() -> vm.status.set(REPLAY));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#status").queryAs(Label.class);
        StringBuilder drawn = new StringBuilder();
        status.lookupAll(".text").forEach(n -> drawn.append(((Text) n).getText()));
        assertNotNull(status.lookup(".text"));
        assertEquals(REPLAY, drawn.toString().replace("\n", " ").replaceAll(" +", " ").trim(),
                "the status line is cut");
    }
}
