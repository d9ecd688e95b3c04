package org.reprogram.workbench.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.ImageTile;

/**
 * Which confusion matrix the view shows: the validation split's at the slider's epoch while a run
 * trains, and at the end the test split's (the headline figure is test accuracy), with a toggle
 * back to validation. The test split is evaluated once, with the final program: away from the
 * slider's end the validation matrix of that epoch is shown, and the caption says so. A clicked
 * cell lists its validation images.
 */
public final class ConfusionChoice {

    static final String AXES = " · rows: true · columns: predicted";
    private final BooleanProperty showTest = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper testAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<int[][]> matrix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("validation split" + AXES);
    private final ReadOnlyObjectWrapper<int[]> selectedCell = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper cellCaption = new ReadOnlyStringWrapper(CELL_HINT);
    /** The validation images of the clicked cell (at most {@link SampleViews#MAX_CELL_IMAGES}). */
    public final ObservableList<ImageTile> cellImages = FXCollections.observableArrayList();
    static final String CELL_HINT = "Click a cell of the confusion matrix to see its validation images.";

    /** The user's choice: the test split's matrix (when there is one and the slider is at the end). */
    public BooleanProperty showTestProperty() {
        return showTest;
    }

    /** True once the run has a test confusion matrix (it ended and was evaluated on test). */
    public ReadOnlyBooleanProperty testAvailable() {
        return testAvailable;
    }

    /** True while the matrix shown is the test split's. */
    public ReadOnlyBooleanProperty testShown() {
        return testShown;
    }

    /** The matrix shown [true][predicted], or null. */
    public ReadOnlyObjectProperty<int[][]> matrix() {
        return matrix;
    }

    /** "test split · final program (epoch 20) · rows: true · columns: predicted" or the validation one. */
    public ReadOnlyStringProperty caption() {
        return caption;
    }

    /** Recomputes from the slider's epoch snapshot EPOCH, whether the slider is AT_END, and the run's RESULT. */
    void update(TrainingSnapshot epoch, boolean atEnd, TrainingResult result) {
        int[][] test = result == null ? null : result.testConfusion();
        testAvailable.set(test != null);
        boolean useTest = test != null && showTest.get() && atEnd;
        testShown.set(useTest);
        if (useTest) {
            matrix.set(test);
            caption.set("test split · final program (epoch " + result.epochs() + ")" + AXES);
            return;
        }
        matrix.set(epoch == null ? null : epoch.confusion());
        String at = epoch == null ? "" : epoch.epoch() == 0 ? " · before training" : " · epoch " + epoch.epoch();
        caption.set("validation split" + at + AXES + (test != null && showTest.get()
                ? " (the test split is evaluated once, at the end: move the slider to the end)" : ""));
    }

    /** The clicked cell {true, predicted} (the view outlines it), or null. */
    public ReadOnlyObjectProperty<int[]> selectedCell() {
        return selectedCell.getReadOnlyProperty();
    }

    /** "true 3, predicted 5: 4 validation images" or how to get them. */
    public ReadOnlyStringProperty cellCaption() {
        return cellCaption.getReadOnlyProperty();
    }

    void selectCell(int t, int p) {
        selectedCell.set(new int[] {t, p});
    }

    /** No cell chosen (a new run or replay): no outline, no images, the hint instead of the old cell's count. */
    void clearCell() {
        selectedCell.set(null);
        cellImages.clear();
        cellCaption.set(CELL_HINT);
    }

    /** Lists the clicked cell's images at epoch S of a run with INFO; DATA: the run's target, or null. */
    void refreshCell(TrainingSnapshot s, RunInfo info, TargetDataset data) {
        int[] cell = selectedCell.get();
        if (cell == null) {
            return;
        }
        List<String> names = info == null ? null : info.targetClasses();
        int[][] m = matrix.get();
        int count = m == null || cell[0] >= m.length || cell[1] >= m[cell[0]].length ? 0 : m[cell[0]][cell[1]];
        String cellName = String.format(Locale.ROOT, "true %s, predicted %s: %d", SampleViews.name(names, cell[0]),
                SampleViews.name(names, cell[1]), count);
        if (testShown.get()) {
            cellImages.clear();
            cellCaption.set(cellName + " test image" + (count == 1 ? "" : "s") + " (images are listed for the"
                    + " validation split: switch the matrix to validation to see them)");
            return;
        }
        cellImages.setAll(SampleViews.cell(s, info, data, cell[0], cell[1]));
        cellCaption.set(String.format(Locale.ROOT, "%s validation image%s%s", cellName, count == 1 ? "" : "s",
                data == null ? " (load this run's target folder in the setup to see them)"
                        : cellImages.size() < count ? " (first " + cellImages.size() + " shown)" : ""));
    }
}
