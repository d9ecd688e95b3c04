package org.reprogram.workbench.ui.training;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * The one step slider's model: the recorded epoch-end snapshots (index 0 = before training), the
 * selected index, and whether the views follow the newest state. Program image, mapping and
 * confusion matrix all show {@link #shown()} / {@link #shownEpoch()}.
 */
public final class StepHistory {

    private final ObservableList<TrainingSnapshot> epochs = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanProperty followLatest = new SimpleBooleanProperty(true);
    private final ObjectProperty<TrainingSnapshot> live = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingSnapshot> shownEpoch = new ReadOnlyObjectWrapper<>();

    public ObservableList<TrainingSnapshot> epochs() {
        return epochs;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public BooleanProperty followLatestProperty() {
        return followLatest;
    }

    /** What the program image, mapping and gallery show. */
    public ReadOnlyObjectProperty<TrainingSnapshot> shown() {
        return shown.getReadOnlyProperty();
    }

    /** The epoch-end snapshot at the slider (confusion matrix, per-sample predictions). */
    public ReadOnlyObjectProperty<TrainingSnapshot> shownEpoch() {
        return shownEpoch.getReadOnlyProperty();
    }

    /** A new epoch-end snapshot (never dropped); the slider moves to it while following. */
    void addEpoch(TrainingSnapshot s) {
        epochs.add(s);
        if (followLatest.get()) {
            selected.set(epochs.size() - 1);
        }
        update();
    }

    /** The newest snapshot of a running training (coalesced, may be mid-epoch). */
    void setLive(TrainingSnapshot s) {
        live.set(s);
        update();
    }

    /** The run ended: a live snapshot no newer than the last epoch end gives way to that epoch end. */
    void endLive() {
        TrainingSnapshot l = live.get();
        if (l != null && !epochs.isEmpty() && l.step() <= epochs.get(epochs.size() - 1).step()) {
            live.set(null);
        }
        update();
    }

    /** The user moved the slider: show that epoch; back at the end means follow again. */
    public void select(int index) {
        if (epochs.isEmpty()) {
            return;
        }
        int i = Math.max(0, Math.min(epochs.size() - 1, index));
        followLatest.set(i == epochs.size() - 1);
        selected.set(i);
        update();
    }

    void clear() {
        epochs.clear();
        live.set(null);
        followLatest.set(true);
        selected.set(-1);
        update();
    }

    /** A saved run: all epochs, slider at the last one. */
    void replay(List<TrainingSnapshot> history) {
        live.set(null);
        epochs.setAll(history);
        followLatest.set(true);
        selected.set(epochs.size() - 1);
        update();
    }

    private void update() {
        int i = selected.get();
        TrainingSnapshot epoch = i >= 0 && i < epochs.size() ? epochs.get(i) : null;
        TrainingSnapshot l = live.get();
        boolean liveNewer = l != null && (epoch == null || l.step() >= epoch.step());
        shown.set(followLatest.get() && liveNewer ? l : epoch);
        shownEpoch.set(epoch);
    }
}
