package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
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
 * Typing a seed reads nothing again and moves nothing on the form: a folder with its own train/test
 * split does not depend on the seed; a folder whose test split is drawn by seed is re-split in
 * memory, exactly as reading it with that seed would.
 */
@ExtendWith(ApplicationExtension.class)
class SeedChangeGuiTest {

    private WorkbenchViewModel vm;
    private final AtomicInteger reads = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(Files.createTempDirectory("seed-gui-runs")),
                TrainingBackend.engine(100));
        vm.setup.busy.addListener((o, was, busy) -> {
            if (busy && vm.setup.modelChecking().not().get()) {
                reads.incrementAndGet();
            }
        });
        stage.setScene(WorkbenchApp.scene(vm));
        stage.show();
    }

    private static double sceneY(Node n) {
        return n.localToScene(n.getBoundsInLocal()).getMinY();
    }

    private void open(FxRobot robot, Path dir) throws Exception {
        robot.interact(() -> vm.setup.target().set(dir.toString()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.setup.dataset().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types TEXT into the seed field key by key (as a user does). */
    private static void typeSeed(FxRobot robot, String text) {
        TextField seed = robot.lookup("#seed").queryAs(TextField.class);
        robot.interact(() -> seed.setText(""));
        for (int i = 1; i <= text.length(); i++) {
            String part = text.substring(0, i);
            robot.interact(() -> seed.setText(part));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSeedChangeOnAPresplitFolderReadsNothingAndMovesNothing(FxRobot robot) throws Exception {
        open(robot, TestPaths.digits());
        TargetDataset before = vm.setup.dataset().get();
        Node epochs = robot.lookup("#epochs").query();
        double y = sceneY(epochs);
        int readsBefore = reads.get();
        typeSeed(robot, "1234");
        assertEquals(readsBefore, reads.get(), "the target folder is not read again");
        assertSame(before, vm.setup.dataset().get(), "its splits do not depend on the seed");
        assertEquals(y, sceneY(epochs), 0.0, "the form did not move");
    }

    @Test
    void aSeedChangeOnAFolderSplitBySeedResplitsInMemoryLikeTheCli(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            Path tmp) throws Exception {
        Path flat = tmp.resolve("flat");
        for (String c : List.of("0", "1", "2")) {
            Path to = Files.createDirectories(flat.resolve(c));
            try (Stream<Path> files = Files.list(TestPaths.digits().resolve("train").resolve(c))) {
                for (Path f : files.sorted().limit(12).toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        open(robot, flat);
        TargetDataset before = vm.setup.dataset().get();
        assertTrue(before.testFromTrain());
        Node epochs = robot.lookup("#epochs").query();
        double y = sceneY(epochs);
        int readsBefore = reads.get();
        typeSeed(robot, "77");
        assertEquals(readsBefore, reads.get(), "the images already read are split again, not read again");
        assertEquals(y, sceneY(epochs), 0.0, "the form did not move");
        TargetDataset now = vm.setup.dataset().get();
        assertNotSame(before, now);
        TargetDataset cli = TargetDatasets.open(flat, 77);
        assertArrayEquals(cli.test().labels(), now.test().labels());
        for (int i = 0; i < cli.test().size(); i++) {
            assertArrayEquals(cli.test().images().get(i).data(), now.test().images().get(i).data(), 0f,
                    "test image " + i + " is the one the train command draws with seed 77");
        }
        for (int i = 0; i < cli.train().size(); i++) {
            assertArrayEquals(cli.train().images().get(i).data(), now.train().images().get(i).data(), 0f);
        }
    }
}
