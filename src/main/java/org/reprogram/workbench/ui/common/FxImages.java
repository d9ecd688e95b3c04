package org.reprogram.workbench.ui.common;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.reprogram.workbench.core.run.ProgramImages;

/** CHW float arrays to JavaFX images, enlarged by an integer factor without smoothing (crisp pixels). */
public final class FxImages {

    private FxImages() {}

    public static WritableImage of(float[] data, int c, int h, int w, boolean signed, int scale) {
        return nearest(ProgramImages.argb(data, c, h, w, signed), w, h, Math.max(1, scale));
    }

    /** ARGB pixels PX of a W x H picture enlarged K times, each pixel a K x K block (crisp, no smoothing). */
    static WritableImage nearest(int[] px, int w, int h, int k) {
        int[] big = new int[h * k * w * k];
        for (int y = 0; y < h * k; y++) {
            int row = (y / k) * w;
            for (int x = 0; x < w * k; x++) {
                big[y * w * k + x] = px[row + x / k];
            }
        }
        WritableImage img = new WritableImage(w * k, h * k);
        img.getPixelWriter().setPixels(0, 0, w * k, h * k, PixelFormat.getIntArgbInstance(), big, 0, w * k);
        return img;
    }

    /** The integer factor that makes the longer side about SIDE pixels. */
    public static int scaleFor(int h, int w, int side) {
        return Math.max(1, side / Math.max(1, Math.max(h, w)));
    }

    /** TILE about SIDE pixels on its longer side: enlarged by a whole factor, or shrunk to SIDE when larger. */
    public static ImageView view(ImageTile t, int side) {
        ImageView v = new ImageView(of(t.data(), t.channels(), t.height(), t.width(), t.signed(),
                scaleFor(t.height(), t.width(), side)));
        v.setSmooth(false);
        if (Math.max(t.height(), t.width()) > side) { // a 224 px canvas in a 72 px card
            v.setPreserveRatio(true);
            v.setFitWidth(side);
            v.setFitHeight(side);
            v.setSmooth(true);
        }
        return v;
    }
}
