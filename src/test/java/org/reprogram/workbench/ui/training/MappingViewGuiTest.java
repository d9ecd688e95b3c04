package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.model.SourceExamples;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The mapping view shows pictures of the source class(es) beside each target class (headless window). */
@ExtendWith(ApplicationExtension.class)
class MappingViewGuiTest {

    private static final SourceExamples BUILTIN = SourceExamples.forSpec("builtin", 5);
    private static final List<String> FASHION = SourceModels.card("builtin").classNames();
    private MappingView view;

    @Start
    void start(Stage stage) {
        view = new MappingView();
        stage.setScene(new Scene(new StackPane(view), 800, 600));
        stage.show();
    }

    private static RunInfo info(int targets) {
        List<String> names = new ArrayList<>();
        for (int t = 0; t < targets; t++) {
            names.add(Integer.toString(t));
        }
        return new RunInfo("fmnist-cnn", FASHION, "digits", names, new Placement(1, 32, 32, 10, 10), 924, 156234,
                "cpu()", List.of(), 100, 10, 10, new int[0]);
    }

    private static TrainingSnapshot snapshot(float[][] weights, int[][] assignment) {
        return new TrainingSnapshot(1, 5, true, 1, 2, 2, new float[4], true, Double.NaN, weights, assignment,
                List.of(), null, null, null);
    }

    /** Weights K_s x K_t: 1 where ASSIGNMENT maps, else 0. */
    private static float[][] weightsOf(int ks, int[][] assignment) {
        float[][] w = new float[ks][assignment.length];
        for (int t = 0; t < assignment.length; t++) {
            for (int s : assignment[t]) {
                w[s][t] = 1;
            }
        }
        return w;
    }

    /** True when IMG shows exactly the pixels of example PICTURE (8-bit gray levels). */
    private static boolean shows(Image img, RasterImage picture) {
        if ((int) img.getWidth() != picture.width() || (int) img.getHeight() != picture.height()) {
            return false;
        }
        for (int y = 0; y < picture.height(); y++) {
            for (int x = 0; x < picture.width(); x++) {
                int gray = img.getPixelReader().getArgb(x, y) & 0xff;
                if (gray != Math.round(picture.data()[y * picture.width() + x] * 255)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean notBlank(Image img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getPixelReader().getArgb(x, y) & 0xff) > 40) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void oneToOneShowsTwoPicturesOfTheMappedSourceClassBesideEachRow(FxRobot robot) {
        int[][] assignment = new int[10][];
        for (int t = 0; t < 10; t++) {
            assignment[t] = new int[] {(t + 1) % 10}; // 0 ← Trouser, 1 ← Pullover, ...
        }
        robot.interact(() -> {
            view.setExamples(BUILTIN);
            view.show(snapshot(weightsOf(10, assignment), assignment), info(10));
        });
        for (int t = 0; t < 10; t++) {
            List<ImageView> row = view.picturesOfRow(t);
            int source = (t + 1) % 10;
            assertEquals(MappingView.PICTURES_PER_ROW, row.size(), "row " + t);
            for (int i = 0; i < row.size(); i++) {
                assertTrue(shows(row.get(i).getImage(), BUILTIN.of(source).get(i)), "row " + t + " picture " + i);
                assertTrue(notBlank(row.get(i).getImage()));
                assertEquals(FASHION.get(source) + " (source class " + source + ")", row.get(i).getAccessibleText());
            }
        }
        assertEquals("Trouser (source class 1)", view.picturesOfRow(0).get(0).getAccessibleText(), "0 ← Trouser");
        List<ImageView> r0 = view.picturesOfRow(0);
        assertEquals(view.pictureSide() + 1, r0.get(1).getLayoutX() - r0.get(0).getLayoutX(), 0.01,
                "pictures of one class sit together");
        // the thumbnails are row-high, to the right of the matrix and its notes, and inside the view's width
        ImageView first = view.picturesOfRow(0).get(0);
        Bounds b = first.localToScene(first.getBoundsInLocal());
        Bounds viewBounds = view.localToScene(view.getBoundsInLocal());
        assertEquals(view.pictureSide(), b.getHeight(), 0.01);
        assertTrue(b.getMinX() >= viewBounds.getMinX() + view.matrixWidth(), "beside the notes: " + b);
        ImageView last = view.picturesOfRow(9).get(1);
        assertTrue(last.localToScene(last.getBoundsInLocal()).getMaxX() <= viewBounds.getMaxX() + 0.5,
                "the view is wide enough for its pictures: " + viewBounds);
    }

    @Test
    void manyToOneShowsTheFirstPictureOfEachSourceClass(FxRobot robot) {
        int[][] assignment = {{1, 3}, {0}, {5, 7, 9, 8}};
        robot.interact(() -> {
            view.setExamples(BUILTIN);
            view.show(snapshot(weightsOf(10, assignment), assignment), info(3));
        });
        List<String> row0 = view.picturesOfRow(0).stream().map(ImageView::getAccessibleText).toList();
        assertEquals(List.of("Trouser (source class 1)", "Dress (source class 3)"), row0);
        assertTrue(shows(view.picturesOfRow(0).get(0).getImage(), BUILTIN.of(1).get(0)));
        assertTrue(shows(view.picturesOfRow(0).get(1).getImage(), BUILTIN.of(3).get(0)));
        assertTrue(shows(view.picturesOfRow(1).get(1).getImage(), BUILTIN.of(0).get(1)), "one source: its next example");
        List<ImageView> r0 = view.picturesOfRow(0);
        assertTrue(r0.get(1).getLayoutX() - r0.get(0).getLayoutX() > view.pictureSide() + 2,
                "another source class starts after a wider gap");
        List<String> row2 = view.picturesOfRow(2).stream().map(ImageView::getAccessibleText).toList();
        assertEquals(List.of("Sandal (source class 5)", "Sneaker (source class 7)"), row2,
                "the first sources, as many as there are pictures");
    }

    @Test
    void learnedWeightsShowTheStrongestSourcesWithTheirWeight(FxRobot robot) {
        float[][] w = new float[10][2];
        w[7][0] = 2.5f; // target 0: a clear winner
        w[0][0] = -0.4f;
        w[9][1] = 1.0f; // target 1: two close sources
        w[5][1] = 0.9f;
        robot.interact(() -> {
            view.setExamples(BUILTIN);
            view.show(snapshot(w, null), info(2));
        });
        List<String> row0 = view.picturesOfRow(0).stream().map(ImageView::getAccessibleText).toList();
        assertEquals(List.of("Sneaker (source class 7), weight 2.50", "Sneaker (source class 7), weight 2.50"), row0,
                "a clear winner shows alone");
        List<String> row1 = view.picturesOfRow(1).stream().map(ImageView::getAccessibleText).toList();
        assertEquals(List.of("Ankle boot (source class 9), weight 1.00", "Sandal (source class 5), weight 0.900"), row1,
                "two close sources, best first");
        ImageView before = view.picturesOfRow(0).get(0);
        w[7][0] = 3.0f; // a live step: the same pictures, a new weight
        robot.interact(() -> view.show(snapshot(w, null), info(2)));
        assertEquals(before, view.picturesOfRow(0).get(0), "the same pictures are kept, not rebuilt");
        assertEquals("Sneaker (source class 7), weight 3.00", view.picturesOfRow(0).get(0).getAccessibleText());
    }

    @Test
    void noExamplesOrTooManySourceClassesShowNoPicturesAndTakeNoRoom(FxRobot robot) {
        int[][] assignment = {{1}, {2}};
        robot.interact(() -> {
            view.setExamples(SourceExamples.none(10, null));
            view.show(snapshot(weightsOf(10, assignment), assignment), info(2));
        });
        assertEquals(List.of(), view.picturesOfRow(0));
        assertEquals(view.matrixWidth(), view.prefWidth(-1), 0.01, "no room kept for pictures");
        robot.interact(() -> view.setExamples(BUILTIN));
        assertEquals(MappingView.PICTURES_PER_ROW, view.picturesOfRow(0).size(), "pictures that arrive later show");
        assertTrue(view.prefWidth(-1) >= view.matrixWidth() + 2 * view.pictureSide(), "and widen the view");

        // 100 source classes in an 800-pixel window: the cells shrink below a legible picture
        robot.interact(() -> view.show(snapshot(weightsOf(100, assignment), assignment), info(2)));
        WaitForAsyncUtils.waitForFxEvents(); // the next layout pass sizes the cells to the window
        assertTrue(view.pictureSide() < MappingView.MIN_PICTURE, "cell side " + view.pictureSide() + " in a view " + view.getWidth() + " wide");
        assertEquals(List.of(), view.picturesOfRow(0), "rows too thin for pictures");
    }
}
