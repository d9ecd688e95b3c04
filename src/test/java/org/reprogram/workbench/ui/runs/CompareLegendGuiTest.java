package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compare chart's legend at 1280 px: the short names of runs that differ in five settings stay on
 * one line each (they wrapped "… · seed" / "3" in a 240 px legend).
 */
@ExtendWith(ApplicationExtension.class)
class CompareLegendGuiTest {

    private ComparisonViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new ComparisonViewModel(new SyncTaskExecutor(), e -> { });
        CompareChartView view = new CompareChartView(vm, Files.createTempDirectory("legend"));
        Scene scene = new Scene(view, 1236, 340);
        scene.getStylesheets().add(getClass().getResource("/org/reprogram/workbench/ui/workbench.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void fiveSettingShortNamesStayOnOneLine(FxRobot robot) throws Exception {
        List<double[]> points = List.of(new double[] {1, 0.3}, new double[] {2, 0.4});
        robot.interact(() -> vm.curves.setAll(
                new ComparisonViewModel.Curve("linear-probe · epochs 1000 · constant · seed 1", "probe", "p", 0, "",
                        false, points),
                new ComparisonViewModel.Curve("pad · ilm · epochs 1 · step · seed 3", "pad-ilm-s3", "a", 1, "", false,
                        points),
                new ComparisonViewModel.Curve("full · flm · epochs 1 · step · seed 1", "full-flm-s1", "b", 2, "", false,
                        points)));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        VBox legend = robot.lookup("#compareLegend").queryAs(VBox.class);
        for (var n : legend.getChildren()) {
            Label l = (Label) n;
            double oneLine = l.getFont().getSize() * 1.6;
            assertTrue(l.getHeight() < oneLine, "'" + l.getText() + "' wraps: " + l.getHeight() + " px high");
        }
    }
}
