package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.DatasetFixtures;
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
 * Issue 17, item 13: the setup's "Skip unreadable images" box under the target folder is bound to
 * the ViewModel; ticking it re-reads the folder, and the summary line lists what was skipped.
 */
@ExtendWith(ApplicationExtension.class)
class SkipBadImagesGuiTest {

    private WorkbenchViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new WorkbenchViewModel(new FxTaskExecutor(),
                new RunStore(Files.createTempDirectory("skip-gui-runs")), TrainingBackend.engine(100));
        stage.setScene(WorkbenchApp.scene(vm));
        stage.show();
    }

    @Test
    void tickingTheBoxSkipsTheBadImageAndSaysSo(FxRobot robot) throws Exception {
        Path data = DatasetFixtures.imageFolder(Files.createTempDirectory("skip-gui-data"), 2, 6, 8, false);
        Files.writeString(data.resolve("classb/broken.png"), "not an image");
        robot.interact(() -> vm.setup.target().set(data.toString()));
        Label error = robot.lookup("#datasetError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> error.getText().contains("broken.png"));
        assertTrue(error.getText().contains("Skip unreadable images"), error.getText());

        CheckBox box = robot.lookup("#skipBadImages").queryAs(CheckBox.class);
        assertFalse(box.isSelected());
        robot.clickOn(box);
        assertTrue(vm.setup.skipBadImages.get(), "the box is bound to the ViewModel");
        Label summary = robot.lookup("#datasetSummary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().contains("Skipped 1 unreadable"));
        assertTrue(summary.getText().contains("classb/broken.png"), summary.getText());
        assertTrue(vm.setup.config().data().skipBadImages());

        robot.interact(() -> vm.setup.skipBadImages.set(false));
        assertFalse(box.isSelected(), "and the ViewModel to the box");
    }
}
