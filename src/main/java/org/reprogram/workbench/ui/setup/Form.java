package org.reprogram.workbench.ui.setup;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The setup's two-column grid: section headers, labelled fields with their problems, full-width rows, captions. */
public final class Form {

    final GridPane grid = new GridPane();
    private int row;

    /** The height of a field's message slot: one line of the small problem font. */
    static final double SLOT = 14;

    Form() {
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // labels are never cut; the controls take what is left
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setMinWidth(120);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    void header(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        grid.add(l, 0, row++, 2, 1);
    }

    /**
     * A labelled row for the field whose control has id ID; TIP (may be null) becomes the tooltip of label and control. While
     * PROBLEM is not empty the control is marked ("invalid") and the message stands under it, in a
     * one-line slot that every row keeps. A text field's message stays on that line (cut with "…",
     * the whole text in its tooltip), so typing never moves the rows below; a chooser's message
     * may wrap onto more lines (it changes when a choice is made, not under the typing hand).
     * Returns the label.
     */
    Label field(String id, String label, Control control, String tip, ObservableStringValue problem) {
        Label l = new Label(label);
        l.setLabelFor(control);
        if (tip != null && !tip.isEmpty()) {
            l.setTooltip(new Tooltip(tip));
            control.setTooltip(new Tooltip(tip));
        }
        grid.addRow(row++, l, control);
        markInvalid(control, problem);
        Label message = message(id + "Problem", problem);
        message.setMinHeight(SLOT); // every row keeps its one-line slot: the rows keep one rhythm and stay put
        GridPane.setMargin(message, new Insets(-5, 0, -3, 0)); // the slot sits in the gaps around it
        if (control instanceof TextInputControl) {
            message.setWrapText(false);
            message.setTextOverrun(OverrunStyle.ELLIPSIS);
            message.setPrefHeight(SLOT);
            message.setMaxHeight(SLOT);
            Tooltip full = new Tooltip();
            full.textProperty().bind(problem);
            message.setTooltip(full);
        }
        grid.add(message, 0, row++, 2, 1);
        return l;
    }

    /** Adds the style class "invalid" to NODE while PROBLEM is not empty. */
    static void markInvalid(Node node, ObservableStringValue problem) {
        ChangeListener<String> mark = (o, a, p) -> {
            node.getStyleClass().remove("invalid");
            if (p != null && !p.isEmpty()) {
                node.getStyleClass().add("invalid");
            }
        };
        problem.addListener(mark);
        mark.changed(problem, null, problem.get());
    }

    void wide(Node n) {
        grid.add(n, 0, row++, 2, 1);
    }

    /** A small gray wrapped caption bound to TEXT, hidden while empty. */
    Label caption(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        wide(l);
        return l;
    }

    /** A red wrapped message bound to TEXT that takes room only while it is not empty. */
    static Label error(String id, ObservableStringValue text) {
        Label l = message(id, text);
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** NODE is red while PROBLEM holds, else grey (the next step); same font, so nothing moves. */
    static void problemStyle(Node node, javafx.beans.value.ObservableBooleanValue problem) {
        javafx.beans.value.ChangeListener<Boolean> style = (o, a, p) -> {
            node.getStyleClass().removeAll("problem", "next-step");
            node.getStyleClass().add(p ? "problem" : "next-step");
        };
        problem.addListener(style);
        style.changed(problem, null, problem.get());
    }

    /** A red wrapped message bound to TEXT, visible while it is not empty (its row keeps its place). */
    private static Label message(String id, ObservableStringValue text) {
        return org.reprogram.workbench.ui.common.ProblemLabel.of(id, text, false);
    }
}
