package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.model.Templates;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.ZeroShot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A run on a vision-language source, faked as the engine sends it (RunInfo whose source classes are
 * prompts, snapshots with the mapping's weights and assignment): the mapping shows each target class's
 * prompt as text, live, and the zero-shot figure stands beside the curves; a classifier's run shows
 * neither.
 */
@ExtendWith(ApplicationExtension.class)
class PromptMappingGuiTest {

    private static final List<String> CLASSES = List.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal",
            "shirt", "sneaker", "bag", "ankle boot");
    private final ObservableList<EpochMetrics> metrics = FXCollections.observableArrayList();
    private final SimpleObjectProperty<RunInfo> info = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<TrainingResult> result = new SimpleObjectProperty<>();
    private PromptMappingView prompts;
    private MetricsView curves;

    @Start
    void start(Stage stage) {
        prompts = new PromptMappingView();
        curves = new MetricsView(metrics, new SimpleIntegerProperty(5));
        curves.bindZeroShot(new ZeroShotFigure(info, result, metrics));
        VBox root = new VBox(8, prompts, curves);
        stage.setScene(new Scene(root, 420, 900));
        stage.show();
    }

    private static RunInfo run(List<String> sourceClasses, ZeroShot zeroShot) {
        List<String> digits = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            digits.add(Integer.toString(t));
        }
        return new RunInfo("tiny-clip", sourceClasses, "digits", digits, new Placement(1, 28, 28, 10, 10), 924, 1000,
                "cpu()", List.of(), 100, 10, 10, new int[0], zeroShot);
    }

    private static TrainingSnapshot snapshot(int ks, int[][] assignment) {
        float[][] w = new float[ks][assignment.length];
        for (int t = 0; t < assignment.length; t++) {
            for (int s : assignment[t]) {
                w[s][t] = 1;
            }
        }
        return new TrainingSnapshot(1, 5, true, 1, 2, 2, new float[4], true, Double.NaN, w, assignment, List.of(),
                null, null, null);
    }

    private static EpochMetrics epoch(int e, double valAccuracy) {
        return new EpochMetrics(e, 1.0 / e, 0.5, 0.9, valAccuracy, 0.01, 1000, e, 0, Double.NaN, null);
    }

    @Test
    void eachTargetClassShowsItsPromptAsTextAndTextIlmsChoiceMovesWithTheEpochs(FxRobot robot) {
        // text: one prompt per class (the class names in the default template), read one to one
        RunInfo text = run(PromptSet.ensemble(CLASSES, List.of(Templates.DEFAULT)).labels(), new ZeroShot(0.1, 0.12, 10));
        int[][] identity = new int[10][];
        for (int t = 0; t < 10; t++) {
            identity[t] = new int[] {t};
        }
        robot.interact(() -> prompts.show(snapshot(10, identity), text));
        assertTrue(prompts.isVisible());
        assertEquals("This is a photo of a coat.", prompts.promptOf(4));
        assertEquals("This is a photo of a ankle boot.", prompts.promptOf(9));

        // text-ilm with 81 templates: 810 prompts, template-major; class 3 picks "a sketch of a trouser." one epoch,
        // another template the next; the long prompt wraps within the view
        List<String> templates = Templates.withClip80("This is a photo of a {}.");
        RunInfo ilm = run(PromptSet.separate(CLASSES, templates).labels(), new ZeroShot(0.1, 0.12, 810));
        int[][] chosen = new int[10][];
        for (int t = 0; t < 10; t++) {
            chosen[t] = new int[] {t};
        }
        int sketch = templates.indexOf("a sketch of a {}.");
        chosen[3] = new int[] {sketch * 10 + 1};
        robot.interact(() -> prompts.show(snapshot(810, chosen), ilm));
        assertEquals("a sketch of a trouser. (template " + (sketch + 1) + " of 81)", prompts.promptOf(3));
        chosen[3] = new int[] {80 * 10 + 3};
        robot.interact(() -> prompts.show(snapshot(810, chosen), ilm));
        assertEquals(Templates.fill(templates.get(80), "dress") + " (template 81 of 81)", prompts.promptOf(3));
        Label row = robot.from(prompts).lookup("#prompt3").queryAs(Label.class);
        Bounds b = row.localToScene(row.getBoundsInLocal());
        assertTrue(b.getMaxX() <= 420.5, "the prompt stays inside the window: " + b);
        assertTrue(row.getTooltip().getText().contains(prompts.promptOf(3)), row.getTooltip().getText());
        assertTrue(PromptRows.heatmapShown(text) && !PromptRows.heatmapShown(ilm), "810 columns: words only");

        // a classifier's run: no prompts
        RunInfo classifier = new RunInfo("fmnist-cnn", CLASSES, "digits", CLASSES, new Placement(1, 28, 28, 10, 10), 924,
                1000, "cpu()", List.of(), 100, 10, 10, new int[0]);
        robot.interact(() -> prompts.show(snapshot(10, identity), classifier));
        assertFalse(prompts.isVisible());
    }

    @Test
    void theZeroShotFigureStandsBesideTheCurvesForAVisionLanguageRunOnly(FxRobot robot) {
        Label line = robot.from(curves).lookup("#zeroShot").queryAs(Label.class);
        LineChart<?, ?> accuracy = robot.from(curves).lookup("#accuracyChart").queryAs(LineChart.class);
        robot.interact(() -> {
            info.set(run(PromptSet.ensemble(CLASSES, List.of(Templates.DEFAULT)).labels(), new ZeroShot(0.09, 0.1, 10)));
            metrics.add(epoch(1, 0.6));
            metrics.add(epoch(2, 0.85));
        });
        assertTrue(line.isVisible());
        assertEquals("zero-shot 0.10 → now 0.85 (validation accuracy)", line.getText());
        assertTrue(accuracy.getData().contains(curves.zeroShot), "the dashed level is on the accuracy chart");
        assertEquals(0.1, curves.zeroShot.getData().get(0).getYValue().doubleValue(), 1e-9);
        assertEquals(5, curves.zeroShot.getData().get(1).getXValue().intValue(), "across the planned epochs");
        assertTrue(curves.zeroShot.getNode().getStyle().contains("dash"));

        robot.interact(() -> {
            metrics.clear();
            info.set(new RunInfo("fmnist-cnn", CLASSES, "digits", CLASSES, new Placement(1, 28, 28, 10, 10), 924, 1000,
                    "cpu()", List.of(), 100, 10, 10, new int[0]));
            metrics.add(epoch(1, 0.6));
        });
        assertFalse(line.isVisible(), "a classifier has no zero-shot figure");
        assertFalse(accuracy.getData().contains(curves.zeroShot));
    }
}
