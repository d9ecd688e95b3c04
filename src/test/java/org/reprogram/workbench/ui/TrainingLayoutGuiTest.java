package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.SamplePages;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.FxTaskExecutor;
import org.reprogram.workbench.ui.common.HeatmapView;
import org.reprogram.workbench.ui.training.GalleryView;
import org.reprogram.workbench.ui.training.MappingView;
import org.reprogram.workbench.ui.training.TrainingBackend;
import org.reprogram.workbench.ui.training.TrainingViewModelTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live view's layout in the real window (headless): nothing clipped at 1280x800 and 1280x720
 * (a scroll bar where the views cannot shrink further), presentation mode, gallery pages. The
 * engine is replaced by a scripted one that sends a 10-class (or 30-class) run at once.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingLayoutGuiTest {

    private static final List<String> SOURCE = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private WorkbenchViewModel vm;
    private Stage stage;
    private volatile int classes = 10;

    @Start
    void start(Stage s) throws Exception {
        stage = s;
        Path runs = Files.createTempDirectory("layout-runs");
        vm = new WorkbenchViewModel(new FxTaskExecutor(), new RunStore(runs), backend());
        stage.setScene(WorkbenchApp.scene(vm));
        stage.setTitle(WorkbenchApp.TITLE);
        stage.show();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            out.add(n <= 10 ? Integer.toString(c) : "class " + c);
        }
        return out;
    }

    /** A 32x32 pad run over CLASSES target classes: two epochs, one live snapshot per page request until cancelled. */
    private TrainingBackend backend() {
        return (cfg, data, dir, l, ctl) -> {
            int n = classes;
            l.onStart(new RunInfo("fmnist-cnn", SOURCE, "digits", names(n), new Placement(1, 32, 32, 10, 10), 924,
                    156234, "cpu()", List.of(), 100, 40, 40, new int[0]));
            l.onSnapshot(snapshot(0, false, n, ctl.samplePage()));
            for (int e = 1; e <= 2; e++) {
                l.onEpoch(new EpochMetrics(e, 1.0 / e, 0.5, 0.9, 0.6, 0.01, 1000, e, 0, Double.NaN, null));
                l.onSnapshot(snapshot(e, true, n, ctl.samplePage()));
            }
            while (n > 10 && !ctl.isCancelled()) { // many classes: keep sending the page asked for
                l.onSnapshot(snapshot(2, false, n, ctl.samplePage()));
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    break;
                }
            }
            int[][] test = confusion(n);
            TrainingResult r = TrainingViewModelTest.result(ctl.isCancelled() ? "cancelled" : "completed", null);
            return TrainingResult.builder().status(r.status()).testAccuracy(0.75).testLoss(0.5)
                    .bestValAccuracy(0.6).parameters(924, 156234).wallSeconds(1).epochs(2).program("pad")
                    .mapping("ilm").trainer("whitebox").source("builtin").target("digits").device("cpu()")
                    .imagesPerSecond(1000).peakRssMegabytes(300).testConfusion(ctl.isCancelled() ? null : test)
                    .testAccuracyAtBestVal(0.75).bestEpoch(2).build();
        };
    }

    private static int[][] confusion(int n) {
        int[][] m = new int[n][n];
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                m[t][p] = t == p ? 30 : (t + p) % 3;
            }
        }
        return m;
    }

    private static TrainingSnapshot snapshot(int epoch, boolean end, int n, int page) {
        Random rnd = new Random(epoch);
        float[] program = new float[32 * 32];
        for (int i = 0; i < program.length; i++) {
            program[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        float[][] weights = new float[10][n];
        int[][] assignment = new int[n][];
        for (int t = 0; t < n; t++) {
            weights[t % 10][t] = 1;
            assignment[t] = new int[] {t % 10};
        }
        List<TrainingSnapshot.SampleView> samples = new ArrayList<>();
        int from = SamplePages.firstClass(page, n);
        for (int c = from; c < Math.min(n, from + SamplePages.PAGE); c++) {
            samples.add(new TrainingSnapshot.SampleView(c, c, program.clone(), c % 10, c, null));
        }
        return new TrainingSnapshot(epoch, epoch * 10L, end, 1, 32, 32, program, true, Double.NaN, weights,
                assignment, samples, end ? confusion(n) : null, null, null);
    }

    private void runAt(FxRobot robot, int width, int height) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.interact(() -> vm.training.start(RunSpec.defaults("digits").with(Settings.EPOCHS, 2), null));
        waitFor(20, () -> !vm.training.running.get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Everything the heatmap draws lies inside it, and inside the scroll viewport or one scroll away. */
    private static void assertNotClipped(HeatmapView view, ScrollPane scroll, String what) {
        Point2D drawn = view.drawnSize();
        assertTrue(drawn.getX() <= view.getWidth() + 1, what + ": drawing " + drawn.getX() + " px in a view of "
                + view.getWidth());
        assertTrue(drawn.getY() <= view.getHeight() + 1, what + ": drawing " + drawn.getY() + " px high in "
                + view.getHeight());
        Bounds content = scroll.getContent().getLayoutBounds();
        Bounds viewport = scroll.getViewportBounds();
        Bounds inContent = scroll.getContent().sceneToLocal(view.localToScene(view.getLayoutBounds()));
        assertTrue(inContent.getMaxX() <= content.getWidth() + 1, what + " sticks out of the scrolled content");
        if (content.getWidth() > viewport.getWidth() + 1) {
            boolean hbar = scroll.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar b
                    && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
            assertTrue(hbar, what + ": the content is wider than the window, so a scroll bar must show");
        }
    }

    private static ScrollPane scroll(FxRobot robot) {
        return robot.lookup("#trainingScroll").queryAs(ScrollPane.class);
    }

    @Test
    void at1280x800And1280x720EveryColumnAndLabelIsShownOrReachableByScrolling(FxRobot robot) throws Exception {
        runAt(robot, 1280, 800);
        assertTrue(robot.lookup("#setupPanel").query().isVisible(), "the setup is back after the run");
        HeatmapView confusion = robot.lookup("#confusionMatrix").queryAs(HeatmapView.class);
        MappingView mapping = robot.lookup(n -> n instanceof MappingView).queryAs(MappingView.class);
        ScrollPane scroll = scroll(robot);
        assertEquals(10, confusion.cols());
        assertNotClipped(confusion, scroll, "confusion matrix");
        assertNotClipped(mapping, scroll, "mapping");
        assertTrue(scroll.getContent().getLayoutBounds().getWidth() <= scroll.getViewportBounds().getWidth() + 1,
                "1280x800 with the setup shown: no sideways scrolling needed");
        Point2D lastColumn = confusion.cellCenterOnScreen(0, 9);
        Bounds viewport = scroll.localToScreen(scroll.getLayoutBounds());
        assertTrue(viewport.contains(lastColumn), "column 9 of the confusion matrix is on screen: " + lastColumn
                + " in " + viewport);
        assertTrue(confusion.cellSize() >= 14, "the counts stay readable: cell " + confusion.cellSize());
        assertTrue(robot.lookup("#confusionCaption").queryAs(Label.class).getText().startsWith("test split"),
                "the end of a run shows the test split");

        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNotClipped(confusion, scroll, "confusion matrix at 1280x720");
        assertNotClipped(mapping, scroll, "mapping at 1280x720");

        robot.interact(() -> stage.setWidth(1000)); // the smallest window: the views shrink, then it scrolls
        WaitForAsyncUtils.waitForFxEvents();
        assertNotClipped(confusion, scroll, "confusion matrix at 1000 px");
        assertNotClipped(mapping, scroll, "mapping at 1000 px");
    }

    private static double programWidth(FxRobot robot) {
        return robot.lookup("#programImage").queryAs(ImageView.class).getBoundsInParent().getWidth();
    }

    @Test
    void presentationModeShowsTheProgramAndSamplesLargeAndHidesTheSetup(FxRobot robot) throws Exception {
        runAt(robot, 1400, 900);
        Node setup = robot.lookup("#setupPanel").query();
        GalleryView gallery = robot.lookup("#gallery").queryAs(GalleryView.class);
        double normal = programWidth(robot);
        int normalSample = gallery.programmedSide();
        assertTrue(normal >= 150, "normal layout: " + normal);
        assertTrue(setup.isVisible());
        assertFalse(robot.lookup("#headline").query().isVisible());

        robot.interact(() -> scroll(robot).requestFocus());
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.training.presentation.get(), "F5 switches presentation mode on");
        double large = programWidth(robot);
        assertTrue(large >= 1.8 * normal, "the program is much larger: " + large + " vs " + normal);
        assertEquals(0, large % 32, 0, "a whole factor of the 32 px canvas (crisp pixels): " + large);
        assertFalse(setup.isVisible(), "the setup panel is hidden");
        assertTrue(gallery.programmedSide() > normalSample, "larger sample cards");
        Label headline = robot.lookup("#headline").queryAs(Label.class);
        assertTrue(headline.isVisible());
        assertEquals("Test accuracy 75.0 % · 2 epochs", headline.getText());
        Node root = stage.getScene().getRoot();
        Bounds window = root.localToScreen(root.getLayoutBounds());
        Bounds galleryOnScreen = gallery.localToScreen(gallery.getLayoutBounds());
        assertTrue(galleryOnScreen.getMaxY() <= window.getMaxY(), "1400x900: every sample card above the fold");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.training.presentation.get(), "Esc leaves presentation mode");
        assertEquals(normal, programWidth(robot), 0.5, "the normal size again");
        assertTrue(setup.isVisible());
        assertEquals(normalSample, gallery.programmedSide());
    }

    @Test
    void thirtyTargetClassesArePagedThroughInTheGallery(FxRobot robot) throws Exception {
        classes = 30;
        robot.interact(() -> {
            stage.setWidth(1400);
            stage.setHeight(900);
        });
        robot.interact(() -> vm.training.start(RunSpec.defaults("digits").with(Settings.EPOCHS, 2), null));
        GalleryView gallery = robot.lookup("#gallery").queryAs(GalleryView.class);
        waitFor(20, () -> gallery.getChildren().size() == 24);
        Label page = robot.lookup("#galleryPage").queryAs(Label.class);
        assertEquals("page 1/2 · classes 1-24 of 30", page.getText());
        robot.interact(() -> robot.lookup("#galleryNext").queryButton().fire());
        waitFor(20, () -> gallery.getChildren().size() == 6);
        assertEquals("page 2/2 · classes 25-30 of 30", page.getText());
        assertEquals(List.of("class 24", "class 25", "class 26", "class 27", "class 28", "class 29"),
                vm.training.samples.items.stream().map(g -> g.trueName()).toList(), "the cards of classes 25-30");
        assertTrue(robot.lookup("#galleryNext").queryButton().isDisabled(), "no page after the last");
        robot.interact(() -> vm.training.cancel());
        waitFor(20, () -> !vm.training.running.get());
    }
}
