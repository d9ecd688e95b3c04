package org.reprogram.workbench.ui;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.data.TargetDataset;

/** A grid of a few training images per class, with the class name and count. */
final class DatasetPreview extends GridPane {

    static final int PER_CLASS = 5;
    private static final int MAX_CLASSES = 12;

    DatasetPreview() {
        setId("datasetPreview");
        setHgap(3);
        setVgap(3);
    }

    void show(TargetDataset d) {
        getChildren().clear();
        if (d == null) {
            return;
        }
        int[] counts = d.train().classCounts(d.numClasses());
        int[] shown = new int[d.numClasses()];
        for (int c = 0; c < Math.min(d.numClasses(), MAX_CLASSES); c++) {
            add(new Label(d.classNames().get(c) + " (" + counts[c] + ")"), 0, c);
        }
        for (int i = 0; i < d.train().size(); i++) {
            int c = d.train().labels()[i];
            if (c < MAX_CLASSES && shown[c] < PER_CLASS) {
                add(thumbnail(d.train().images().get(i), 28), 1 + shown[c]++, c);
            }
        }
        if (d.numClasses() > MAX_CLASSES) {
            add(new Label("... " + (d.numClasses() - MAX_CLASSES) + " more classes"), 0, MAX_CLASSES);
        }
    }

    static ImageView thumbnail(RasterImage img, int side) {
        RasterImage r = img.resize(Math.min(img.height(), side), Math.min(img.width(), side));
        int scale = Math.max(1, side / Math.max(r.height(), r.width()));
        ImageView v = new ImageView(FxImages.of(r.data(), r.channels(), r.height(), r.width(), false, scale));
        v.setSmooth(false);
        return v;
    }
}
