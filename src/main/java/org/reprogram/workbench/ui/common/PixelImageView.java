package org.reprogram.workbench.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.layout.Region;

/**
 * A small image (a 32 px program) shown as large as its space allows with crisp pixels: enlarged
 * by the largest whole factor that fits (nearest neighbour), centred across; shrunk only when even
 * 1:1 does not fit. Asks for {@link #preferredSideProperty()} pixels, accepts down
 * to {@link #MIN_SIDE}.
 */
public final class PixelImageView extends Region {

    public static final double MIN_SIDE = 64;
    private final ImageView view = new ImageView();
    private final DoubleProperty preferredSide = new SimpleDoubleProperty(224);
    private Image source;
    private int factor;

    public PixelImageView() {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        getChildren().add(view);
        getStyleClass().add("pixel-image");
        preferredSide.addListener(o -> requestLayoutUp());
    }

    /** The inner image view (it shows the enlarged copy; its id is what tests look up). */
    public ImageView imageView() {
        return view;
    }

    /** Shows IMAGE (at 1:1; the view enlarges it). */
    public void setImage(Image image) {
        boolean resized = source == null || image == null || source.getWidth() != image.getWidth()
                || source.getHeight() != image.getHeight();
        source = image;
        factor = 0;
        if (resized) {
            requestLayoutUp();
        }
        layoutChildren();
    }

    /** The image as given (1:1). */
    public Image getImage() {
        return source;
    }

    /** The side the view asks for (the longer side of the picture). */
    public DoubleProperty preferredSideProperty() {
        return preferredSide;
    }

    /** Width and height of the picture as shown now. */
    public double shownWidth() {
        return view.getBoundsInParent().getWidth();
    }

    private void requestLayoutUp() {
        requestLayout();
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return preferredSide.get() + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return preferredSide.get() + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIDE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MIN_SIDE;
    }

    @Override
    protected void layoutChildren() {
        Image img = source;
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0 || w <= 0 || h <= 0) {
            view.setImage(img);
            return;
        }
        double k = Math.min(w / img.getWidth(), h / img.getHeight());
        // whole factors keep every source pixel the same size; the copy is enlarged here, pixel by pixel,
        // because not every rendering pipeline honours ImageView.setSmooth(false)
        int whole = (int) Math.max(1, Math.floor(k));
        if (whole != factor || view.getImage() == null) {
            factor = whole;
            view.setImage(enlarged(img, whole));
        }
        double fw = k >= 1 ? img.getWidth() * whole : img.getWidth() * k;
        double fh = k >= 1 ? img.getHeight() * whole : img.getHeight() * k;
        view.setFitWidth(fw);
        view.setFitHeight(fh);
        // centred across, at the top: the texts under the panel's picture stay close to it
        view.relocate(snappedLeftInset() + Math.floor((w - fw) / 2), snappedTopInset());
    }

    /** IMG enlarged K times by nearest neighbour. */
    static Image enlarged(Image img, int k) {
        if (k == 1) {
            return img;
        }
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        return FxImages.nearest(px, w, h, k);
    }
}
