package org.reprogram.workbench.ui.common;

import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.reprogram.workbench.core.run.ProgramImages;

/** CHW float arrays to JavaFX images, enlarged by an integer factor without smoothing (crisp pixels). */
public final class FxImages {

    private FxImages() {}

    public static WritableImage of(float[] data, int c, int h, int w, boolean signed, int scale) {
        int[] px = ProgramImages.argb(data, c, h, w, signed);
        int s = Math.max(1, scale);
        int[] big = new int[h * s * w * s];
        for (int y = 0; y < h * s; y++) {
            int row = (y / s) * w;
            for (int x = 0; x < w * s; x++) {
                big[y * w * s + x] = px[row + x / s];
            }
        }
        WritableImage img = new WritableImage(w * s, h * s);
        img.getPixelWriter().setPixels(0, 0, w * s, h * s, PixelFormat.getIntArgbInstance(), big, 0, w * s);
        return img;
    }

    /** The integer factor that makes the longer side about SIDE pixels. */
    public static int scaleFor(int h, int w, int side) {
        return Math.max(1, side / Math.max(1, Math.max(h, w)));
    }

    public static ImageView view(ImageTile t, int side) {
        ImageView v = new ImageView(of(t.data(), t.channels(), t.height(), t.width(), t.signed(),
                scaleFor(t.height(), t.width(), side)));
        v.setSmooth(false);
        return v;
    }
}
