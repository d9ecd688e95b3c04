package org.reprogram.workbench.ui.training;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprogram.workbench.core.model.SourceExamples;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * Pictures of the source model's classes beside the label mapping: read in the background when
 * a run of another source model is shown (the newest request wins), none while they load, and a
 * sentence when the model has none or its sidecar's folder is broken.
 */
public final class SourcePictures {

    /** Example pictures loaded per source class (the mapping shows a few, its tooltips all). */
    static final int PER_CLASS = 5;

    /** The pictures (empty while they load, or when the model has none). */
    public final ObjectProperty<SourceExamples> examples = new SimpleObjectProperty<>(SourceExamples.none(0, null));
    /** Why the source classes have no or fewer pictures ("" when nothing is wrong). */
    public final StringProperty note = new SimpleStringProperty("");

    private final TaskExecutor executor;
    private String spec;

    SourcePictures(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Reads the pictures of source model SOURCE (a built-in name or a TorchScript path; null: none). */
    void load(String source) {
        if (source == null || !source.equals(spec)) {
            examples.set(SourceExamples.none(0, null)); // another model: its pictures must not stay
        }
        spec = source;
        note.set("");
        if (source == null) {
            return;
        }
        executor.execute(() -> SourceExamples.forSpec(source, PER_CLASS), ex -> {
            if (source.equals(spec)) {
                examples.set(ex);
                note.set(ex.warning() == null ? "" : "Pictures of the source classes: " + ex.warning());
            }
        }, e -> {
            if (source.equals(spec)) {
                note.set("Pictures of the source classes cannot be shown (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")");
            }
        });
    }
}
