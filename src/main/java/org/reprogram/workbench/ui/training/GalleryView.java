package org.reprogram.workbench.ui.training;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.ui.common.FxImages;

/**
 * Sample cards: target image → programmed input (and, for smm, the sample's mask), captioned
 * true → source → mapped class, ✓/✗.
 */
public final class GalleryView extends FlowPane {

    public GalleryView(ObservableList<GalleryItem> items) {
        setHgap(8);
        setVgap(8);
        getStyleClass().add("gallery");
        items.addListener((ListChangeListener<GalleryItem>) c -> show(items));
        show(items);
    }

    private void show(ObservableList<GalleryItem> items) {
        getChildren().clear();
        for (GalleryItem it : items) {
            HBox pics = new HBox(4);
            pics.setAlignment(Pos.CENTER_LEFT);
            if (it.original() != null) {
                pics.getChildren().addAll(FxImages.view(it.original(), 40), new Label("→"));
            }
            pics.getChildren().add(FxImages.view(it.programmed(), 72));
            if (it.mask() != null) {
                Label m = new Label("mask");
                m.getStyleClass().add("tile-caption");
                VBox mask = new VBox(1, FxImages.view(it.mask(), 40), m);
                mask.setAlignment(Pos.CENTER);
                mask.getStyleClass().add("mask");
                pics.getChildren().add(mask);
            }
            Label caption = new Label(it.caption());
            caption.getStyleClass().addAll("tile-caption", it.correct() ? "correct" : "wrong");
            VBox card = new VBox(3, pics, caption);
            card.getStyleClass().addAll("sample-card", it.correct() ? "card-correct" : "card-wrong");
            getChildren().add(card);
        }
    }
}
