package org.reprogram.workbench.ui.common;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** A wrapping grid of small images with captions (dataset preview, confusion-cell images). */
public final class ImageGrid extends FlowPane {

    private final int side;

    public ImageGrid(int side) {
        this.side = side;
        setHgap(4);
        setVgap(4);
        getStyleClass().add("image-grid");
    }

    /** Keeps the grid equal to TILES. */
    public void bind(ObservableList<ImageTile> tiles) {
        tiles.addListener((ListChangeListener<ImageTile>) c -> show(tiles));
        show(tiles);
    }

    public void show(List<ImageTile> tiles) {
        getChildren().clear();
        for (ImageTile t : tiles) {
            VBox box = new VBox(1, FxImages.view(t, side));
            box.getStyleClass().add("tile");
            if (t.caption() != null && !t.caption().isEmpty()) {
                Label l = new Label(t.caption());
                l.getStyleClass().add("tile-caption");
                if (t.correct() != null) {
                    l.getStyleClass().add(t.correct() ? "correct" : "wrong");
                }
                l.setMaxWidth(Math.max(side, 40));
                box.getChildren().add(l);
            }
            getChildren().add(box);
        }
    }
}
