package org.reprogram.workbench.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** The red wrapped message under a form field (setup form, study form), shown while its text is not empty. */
public final class ProblemLabel {

    private ProblemLabel() {}

    /**
     * A label with ID bound to TEXT, visible while TEXT is not empty; COLLAPSE: it takes room only
     * while visible (otherwise its row keeps its place, so fields do not jump).
     */
    public static Label of(String id, ObservableStringValue text, boolean collapse) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().addAll("problem", "field-problem");
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isEmpty(), text));
        if (collapse) {
            l.managedProperty().bind(l.visibleProperty());
        }
        return l;
    }
}
