package org.reprogram.workbench.ui.setup;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The setup's two-column grid: section headers, labelled fields, full-width rows, captions. */
public final class Form {

    final GridPane grid = new GridPane();
    private int row;

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

    /** A labelled row; TIP (may be null) becomes the tooltip of label and control. Returns the label. */
    Label field(String name, Node control, String tip) {
        Label l = new Label(name);
        if (tip != null) {
            l.setTooltip(new Tooltip(tip));
            if (control instanceof Control c) {
                c.setTooltip(new Tooltip(tip));
            }
        }
        grid.addRow(row++, l, control);
        return l;
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

    static TextField text(String id, StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(8);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    static Label error(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("problem");
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
