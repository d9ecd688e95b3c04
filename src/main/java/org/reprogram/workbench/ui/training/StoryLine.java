package org.reprogram.workbench.ui.training;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprogram.workbench.core.train.RunInfo;

/**
 * The one large line of presentation mode that says what is happening, e.g. "A clothing classifier
 * learns to read digits". Each run proposes a line from its models; a line the user typed stays
 * (for the next runs too) until they clear it.
 */
public final class StoryLine {

    private final StringProperty text = new SimpleStringProperty("");
    private boolean edited;
    private boolean proposing;
    private String proposed = "";

    StoryLine() {
        text.addListener((o, was, now) -> {
            if (!proposing) {
                edited = now != null && !now.isBlank();
                if (!edited && !proposed.equals(now)) {
                    propose(proposed); // cleared: the run's own line again
                }
            }
        });
    }

    /** The line (bound to the editable field in presentation mode). */
    public StringProperty text() {
        return text;
    }

    /** True while the line is the user's own. */
    public boolean edited() {
        return edited;
    }

    /** A run with INFO starts or is replayed: its line, unless the user wrote their own. */
    void run(RunInfo info) {
        propose(info == null ? "" : proposal(info));
    }

    private void propose(String line) {
        proposed = line;
        if (!edited) {
            proposing = true;
            text.set(line);
            proposing = false;
        }
    }

    /**
     * "The fmnist-cnn classifier learns to read digits" (one line in large type at 1280 px). "The",
     * not "A": a model's name can start with any sound ("A fmnist-cnn", "A resnet18" read wrong).
     */
    static String proposal(RunInfo i) {
        return "The " + i.sourceName() + " classifier learns to read " + i.targetName();
    }
}
