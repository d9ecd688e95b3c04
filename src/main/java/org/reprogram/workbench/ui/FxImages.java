package org.reprogram.workbench.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.reprogram.workbench.core.run.ProgramImages;

/** CHW float arrays to JavaFX images, enlarged by an integer factor without smoothing. */
final class FxImages {

    private FxImages() {}

    static WritableImage of(float[] data, int c, int h, int w, boolean signed, int scale) {
        int[] px = ProgramImages.argb(data, c, h, w, signed);
        int[] big = new int[h * scale * w * scale];
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                big[y * w * scale + x] = px[(y / scale) * w + x / scale];
            }
        }
        WritableImage img = new WritableImage(w * scale, h * scale);
        img.getPixelWriter().setPixels(0, 0, w * scale, h * scale, PixelFormat.getIntArgbInstance(), big, 0, w * scale);
        return img;
    }
}
