package org.reprogram.workbench.ui.training;

import javafx.beans.value.ObservableValue;
import org.reprogram.workbench.core.program.ProgramLegend;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/** The program image's colour legend: a black-to-white bar, its values under the ends and the middle, one note. */
final class ProgramLegendView extends VBox {

    private final Label low = new Label();
    private final Label mid = new Label();
    private final Label high = new Label();
    private final Label note = new Label();

    ProgramLegendView(ObservableValue<ProgramLegend> legend) {
        super(2);
        setId("programLegend");
        getStyleClass().add("program-legend");
        Rectangle bar = new Rectangle(10, 10);
        bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, new Stop(0, Color.BLACK),
                new Stop(0.5, Color.gray(0.5)), new Stop(1, Color.WHITE)));
        bar.setStroke(Color.web("#9aa5b1"));
        bar.widthProperty().bind(widthProperty().subtract(2));
        low.setId("legendLow");
        mid.setId("legendMid");
        high.setId("legendHigh");
        note.setId("legendNote");
        for (Label l : new Label[] {low, mid, high, note}) {
            l.getStyleClass().add("hint");
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        note.setWrapText(true);
        note.setMinWidth(0);
        // its height is asked for at the legend's width, not at the width of one long line
        note.prefWidthProperty().bind(prefWidthProperty());
        BorderPane values = new BorderPane(mid, null, high, null, low);
        BorderPane.setAlignment(mid, Pos.CENTER);
        getChildren().addAll(bar, values, note);
        setMinWidth(0);
        legend.addListener((o, a, l) -> show(l));
        show(legend.getValue());
    }

    private void show(ProgramLegend l) {
        setVisible(l != null);
        setManaged(l != null);
        if (l != null) {
            low.setText(l.low());
            mid.setText(l.mid());
            high.setText(l.high());
            note.setText(l.note());
            Tooltip.install(this, new Tooltip(l.scale() + "\n" + l.note()));
        }
    }
}
