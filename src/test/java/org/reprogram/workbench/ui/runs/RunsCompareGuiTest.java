package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunNotes;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Runs tab's comparison in a real (headless) window of the smallest supported size, 1280x720:
 * placeholder before any selection, integer epoch axis, metric chooser, differing settings as
 * columns that fit or scroll, naming a run, programs and mappings side by side. The run folders
 * are written by the real recorder without training (fast).
 */
@ExtendWith(ApplicationExtension.class)
class RunsCompareGuiTest {

    private static final String ILM = "20260301-100000-pad-ilm-digits";
    private static final String FAST = "20260301-101000-pad-linear-digits";
    private static final String SLOW = "20260301-102000-pad-linear-digits";
    private static final String PROBE = "20260301-103000-linear-probe-digits";

    private RunsViewModel vm;
    private Path runs;

    @Start
    void start(Stage stage) throws Exception {
        runs = Files.createTempDirectory("compare-gui");
        RunSpec pad = RunSpec.defaults("digits").with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
                .withValue(ParameterRegistry.get("program.inner_size"), 10)
                .with(Settings.EPOCHS, 6);
        RecordedRuns.reprogram(runs.resolve(ILM), pad.with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "ilm")
                .withValue(ParameterRegistry.get("program.inner_size"), 10)
                .with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05).with(Settings.SEED, 0L), 6, 0.7, true, true);
        RecordedRuns.reprogram(runs.resolve(FAST), pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), 6, 0.85, true, false);
        RecordedRuns.reprogram(runs.resolve(SLOW), pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01)
                .with(Settings.SEED, 1L), 6, 0.8, true, false);
        RecordedRuns.baseline(runs.resolve(PROBE), RunSpec.baseline(Method.LINEAR_PROBE, "digits")
                .with(Settings.EPOCHS, 6), 6, 0.9);
        vm = new RunsViewModel(new FxTaskExecutor(), new RunStore(runs));
        RunsView view = new RunsView(vm, r -> { }, r -> { }, new HBox(new Label("baselines bar")));
        BorderPane root = new BorderPane(view);
        root.setPadding(new Insets(10));
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(getClass().getResource("/org/reprogram/workbench/ui/workbench.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private static <T extends Node> T node(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    /** Clicks the runs list's row of FOLDER (the name cell shows the folder name until the run is named). */
    private void select(FxRobot robot, String... folders) throws Exception {
        TableView<?> table = node(robot, "#runsTable", TableView.class);
        waitFor(() -> table.getItems().size() == 4);
        robot.clickOn(folders[0]);
        if (folders.length > 1) {
            robot.press(KeyCode.CONTROL);
            try {
                for (int i = 1; i < folders.length; i++) {
                    robot.clickOn(folders[i]);
                }
            } finally {
                robot.release(KeyCode.CONTROL);
            }
        }
        waitFor(() -> vm.selected.size() == folders.length && vm.comparison.sides.size() == folders.length);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theChartWaitsForASelectionThenPlotsTheChosenMetricOnWholeEpochs(FxRobot robot) throws Exception {
        LineChart<?, ?> chart = node(robot, "#compareChart", LineChart.class);
        Label placeholder = node(robot, "#compareChartPlaceholder", Label.class);
        waitFor(() -> node(robot, "#runsTable", TableView.class).getItems().size() == 4);
        assertFalse(chart.isVisible(), "no axes before there is data");
        assertTrue(placeholder.isVisible());
        assertEquals(ComparisonViewModel.HINT_SELECT, placeholder.getText());

        select(robot, FAST, SLOW);
        assertTrue(chart.isVisible());
        assertFalse(placeholder.isVisible());
        assertEquals(2, chart.getData().size(), "one line per run");
        NumberAxis x = (NumberAxis) chart.getXAxis();
        assertEquals(1, x.getTickUnit(), 0);
        assertEquals(0, x.getLowerBound(), 0);
        assertTrue(x.getUpperBound() >= 6 && x.getUpperBound() < 7, "up to the last epoch: " + x.getUpperBound());
        assertEquals("3", x.getTickLabelFormatter().toString(3.0), "whole-number epoch labels");
        assertEquals("", x.getTickLabelFormatter().toString(x.getUpperBound()), "no label at the bound past the end");
        VBox legend = node(robot, "#compareLegend", VBox.class);
        assertEquals(List.of("lr 0.01 · seed 1", "lr 0.05 · seed 0"), legend.getChildren().stream()
                .map(n -> ((Label) n).getText()).toList(), "in the list's order (newest first), short names: the"
                + " settings that differ and the seed");
        assertEquals(List.of(SLOW, FAST), legend.getChildren().stream()
                .map(n -> ((Label) n).getTooltip().getText()).toList(), "the full name in the tooltip");

        robot.clickOn("#compareMetric").clickOn(CurveMetric.LOSS.title());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CurveMetric.LOSS, vm.comparison.metric.get());
        assertEquals(4, chart.getData().size(), "validation and training loss per run");
        assertEquals("loss", chart.getYAxis().getLabel());
        long dashed = chart.getData().stream().filter(s -> s.getNode().getStyle().contains("dash-array")).count();
        assertEquals(2, dashed, "the training lines are dashed");
        assertTrue(legend.getChildren().stream().anyMatch(n -> ((Label) n).getText().contains("dashed: training")));
    }

    @Test
    void theTableShowsTheDifferingSettingsWithWholeHeadersAndScrollsWhenNarrow(FxRobot robot) throws Exception {
        select(robot, ILM, FAST, SLOW, PROBE);
        robot.clickOn("Table");
        TableView<?> table = node(robot, "#compareTable", TableView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, table.getItems().size());
        List<String> titles = table.getColumns().stream().map(RunsCompareGuiTest::title).toList();
        for (String setting : List.of("program", "inner size", "mapping", "trainer", "lr", "seed")) {
            assertTrue(titles.contains(setting), setting + " differs between the runs: " + titles);
        }
        assertFalse(titles.contains("batch"), "the same in all runs: no column");
        assertTrue(node(robot, "#compareShared", Label.class).getText().contains("batch 64"));
        assertHeadersWhole(table);
        assertFitsOrScrolls(table);
        assertHeadersWhole(node(robot, "#runsTable", TableView.class));
        assertFitsOrScrolls(node(robot, "#runsTable", TableView.class));
    }

    @Test
    void aRunNamedInTheNotesBarShowsItsNameEverywhere(FxRobot robot) throws Exception {
        select(robot, FAST);
        robot.clickOn("#runName").write("lr 0.05");
        robot.clickOn("#runNote").write("demo");
        robot.clickOn("#saveNotes");
        waitFor(() -> vm.selected.size() == 1 && "lr 0.05".equals(vm.selected.get(0).displayName()));
        assertEquals(new RunNotes("lr 0.05", "demo"),
                RunNotes.read(runs.resolve(FAST)));
        assertTrue(Files.exists(runs.resolve(FAST).resolve(RunFiles.RESULT)), "the run's files are still there");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(robot.lookup("lr 0.05").tryQuery().orElse(null), "the runs list shows the name");

        robot.press(KeyCode.CONTROL).clickOn(SLOW).release(KeyCode.CONTROL);
        waitFor(() -> vm.comparison.sides.size() == 2);
        VBox legend = node(robot, "#compareLegend", VBox.class);
        assertEquals(List.of("lr 0.01 · seed 1", "lr 0.05"), legend.getChildren().stream()
                .map(n -> ((Label) n).getText()).toList(), "the legend shows the user's name, else a short name");
        assertEquals("lr 0.05\n" + FAST, ((Label) legend.getChildren().get(1)).getTooltip().getText());
        RunRecord named = vm.selected.get(1);
        assertEquals(FAST, named.name(), "the folder keeps its name");
    }

    @Test
    void programsAndMappingsStandSideBySide(FxRobot robot) throws Exception {
        select(robot, ILM, FAST, PROBE);
        robot.clickOn("Programs & mappings");
        HBox columns = node(robot, "#sideBySide", HBox.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, columns.getChildren().size(), "one column per selected run, in the list's order");
        VBox ilm = (VBox) columns.getChildren().get(2);
        assertEquals(ILM, ((Label) ilm.getChildren().get(0)).getText());
        ImageView program = (ImageView) ilm.lookup("#sideProgram");
        assertNotNull(program.getImage());
        assertFalse(program.getImage().isError());
        GridPane mapping = (GridPane) ilm.lookup("#sideMapping");
        assertEquals(3 * 3, mapping.getChildren().size(), "target, arrow, source for 3 target classes");
        assertEquals("boot", ((Label) mapping.getChildren().get(2)).getText(), "zero <- boot");
        VBox probe = (VBox) columns.getChildren().get(0);
        assertTrue(probe.lookup("#sideProgram") == null, "a baseline has no program");
        assertTrue(probe.getChildren().stream().anyMatch(n -> n instanceof Label l
                && l.getText().contains("no input program")));
    }

    private static String title(TableColumn<?, ?> c) {
        return c.getGraphic() instanceof Label l ? l.getText() : c.getText();
    }

    /** No header ends in "...": the text drawn is the whole title. */
    private static void assertHeadersWhole(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            Label header = (Label) c.getGraphic();
            Text drawn = (Text) header.lookup(".text");
            assertNotNull(drawn, title(c));
            assertEquals(header.getText(), drawn.getText(), "header of '" + title(c) + "' is cut");
        }
    }

    /** The columns fit, or the table has a visible horizontal scroll bar (no column is lost). */
    private static void assertFitsOrScrolls(TableView<?> table) {
        double sum = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        boolean bar = table.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible());
        assertTrue(sum <= table.getWidth() || bar, table.getId() + ": columns " + sum + " px in " + table.getWidth()
                + " px and no horizontal scroll bar");
    }
}
