package org.reprogram.workbench.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * Which confusion matrix the view shows: the validation split's at the slider's epoch while a run
 * trains, and at the end the test split's (the headline figure is test accuracy), with a toggle
 * back to validation. The test split is evaluated once, with the final program: away from the
 * slider's end the validation matrix of that epoch is shown, and the caption says so.
 */
public final class ConfusionChoice {

    static final String AXES = " · rows: true · columns: predicted";
    private final BooleanProperty showTest = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper testAvailable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<int[][]> matrix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("validation split" + AXES);

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
}
