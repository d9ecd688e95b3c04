package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.run.RunTrash;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs list in a real (headless) window: a seed column, sorting by a header click, delete and undo. */
@ExtendWith(ApplicationExtension.class)
class RunsDeleteSortGuiTest {

    /** Folder names newest first; test accuracies 0.9 * scale: 0.63, 0.81, 0.45. */
    private static final String A = "20260301-100000-pad-linear-digits";
    private static final String B = "20260301-101000-pad-linear-digits";
    private static final String C = "20260301-102000-pad-linear-digits";

    private RunsViewModel vm;
    private Path runs;

    @Start
    void start(Stage stage) throws Exception {
        runs = Files.createTempDirectory("runs-gui");
        RunSpec pad = RunSpec.defaults("digits").with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
                .withValue(ParameterRegistry.get("program.inner_size"), 10)
                .with(Settings.EPOCHS, 2);
        RecordedRuns.reprogram(runs.resolve(A), pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 11L), 2, 0.7, true, false);
        RecordedRuns.reprogram(runs.resolve(B), pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 12L), 2, 0.9, true, false);
        RecordedRuns.reprogram(runs.resolve(C), pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 13L), 2, 0.5, true, false);
        vm = new RunsViewModel(new FxTaskExecutor(), new RunStore(runs));
        RunsView view = new RunsView(vm, r -> { }, r -> { }, new HBox(new Label("baselines bar")));
        stage.setScene(new Scene(new BorderPane(view), 1280, 720));
        stage.sizeToScene(); // TestFX reuses one stage: a width an earlier test set would win over the scene's
        stage.show();
        vm.refresh();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    @SuppressWarnings("unchecked")
    private static TableView<RunRecord> table(FxRobot robot) {
        return robot.lookup("#runsTable").queryAs(TableView.class);
    }

    private static List<String> order(TableView<RunRecord> table) {
        return table.getItems().stream().map(RunRecord::name).toList();
    }

    private static TableColumn<RunRecord, ?> column(TableView<RunRecord> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void aHeaderClickSortsByItsNumbersAndASecondClickReverses(FxRobot robot) throws Exception {
        TableView<RunRecord> table = table(robot);
        waitFor(() -> table.getItems().size() == 3);
        assertEquals(List.of(C, B, A), order(table), "newest first before any click");
        TableColumn<RunRecord, ?> seed = column(table, "Seed");
        assertEquals(List.of("13", "12", "11"), table.getItems().stream().map(r -> (String) seed.getCellData(r))
                .toList(), "the seed column");

        Node accuracy = column(table, "Test acc").getGraphic();
        robot.clickOn(accuracy);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(C, A, B), order(table), "45 %, 63 %, 81 %");
        robot.clickOn(accuracy);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(B, A, C), order(table), "descending");

        robot.clickOn(C);
        waitFor(() -> vm.selected.size() == 1 && vm.selected.get(0).name().equals(C));
        assertEquals(table.getSelectionModel().getSelectedItem().name(), C, "the clicked row is the selected run");
    }

    @Test
    void deleteMovesTheRunToTheTrashAndUndoBringsItBack(FxRobot robot) throws Exception {
        TableView<RunRecord> table = table(robot);
        waitFor(() -> table.getItems().size() == 3);
        Button undo = robot.lookup("#undoDelete").queryAs(Button.class);
        assertFalse(undo.isVisible(), "nothing to undo yet");

        robot.clickOn(B);
        waitFor(() -> vm.selected.size() == 1);
        robot.clickOn("#deleteRuns");
        waitFor(() -> table.getItems().size() == 2);
        assertEquals(List.of(C, A), order(table));
        assertFalse(Files.exists(runs.resolve(B)));
        assertTrue(Files.exists(runs.resolve(RunTrash.FOLDER).resolve(B).resolve(RunFiles.RESULT)));
        waitFor(undo::isVisible);
        Label message = robot.lookup("#runsMessage").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Moved 1 run to "), message.getText());

        robot.clickOn("#undoDelete");
        waitFor(() -> table.getItems().size() == 3);
        assertEquals(List.of(C, B, A), order(table));
        assertTrue(Files.exists(runs.resolve(B).resolve(RunFiles.RESULT)), "back in the runs folder");
        assertFalse(Files.exists(runs.resolve(RunTrash.FOLDER).resolve(B)));
        waitFor(() -> !undo.isVisible());

        robot.clickOn(A);
        waitFor(() -> vm.selected.size() == 1 && vm.selected.get(0).name().equals(A));
        robot.type(KeyCode.DELETE);
        waitFor(() -> table.getItems().size() == 2);
        assertTrue(Files.isDirectory(runs.resolve(RunTrash.FOLDER).resolve(A)), "the Delete key deletes too");
    }

    /**
     * At 1280 px every column of the runs list is visible without scrolling sideways (the seed column
     * had pushed "Wall s" off the edge): the columns leave room for the window's tab pane and
     * borders (about 25 px) and a vertical scroll bar (about 15 px) that the list gets with many runs.
     */
    @Test
    void allColumnsFitAt1280(FxRobot robot) throws Exception {
        TableView<RunRecord> table = table(robot);
        waitFor(() -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        double sum = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(sum <= table.getWidth() - 40, "columns " + sum + " px in a " + table.getWidth() + " px list");
    }

    /** The message row takes no room while it has nothing to say, and appears with a delete's message and Undo. */
    @Test
    void theMessageRowTakesRoomOnlyWhenItSaysSomething(FxRobot robot) throws Exception {
        TableView<RunRecord> table = table(robot);
        waitFor(() -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#runsMessageBar").query();
        assertFalse(bar.isManaged() || bar.isVisible(), "an empty row between the notes and the list");
        robot.clickOn(B);
        waitFor(() -> vm.selected.size() == 1);
        robot.clickOn("#deleteRuns");
        waitFor(() -> table.getItems().size() == 2);
        waitFor(() -> bar.isManaged() && bar.isVisible());
    }
}
