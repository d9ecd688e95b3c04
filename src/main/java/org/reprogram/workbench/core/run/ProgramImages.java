package org.reprogram.workbench.core.run;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Turns CHW float arrays into ARGB pixels: perturbations map [-1, 1] to [0, 1] (mid-gray = no
 * change), images are shown as they are. Shared by the PNG export and the GUI.
 */
public final class ProgramImages {

    private ProgramImages() {}

    /** ARGB pixels (row-major, H*W) of CHW DATA; SIGNED maps [-1,1] to [0,1]. */
    public static int[] argb(float[] data, int channels, int height, int width, boolean signed) {
        int plane = height * width;
        int[] out = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = level(data[i], signed);
            int g = channels == 3 ? level(data[plane + i], signed) : r;
            int b = channels == 3 ? level(data[2 * plane + i], signed) : r;
            out[i] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int level(float v, boolean signed) {
        float x = signed ? (v + 1f) / 2f : v;
        if (Float.isNaN(x)) {
            return 0;
        }
        return Math.max(0, Math.min(255, Math.round(x * 255f)));
    }

    /** PNG bytes of the image, enlarged by an integer factor (nearest neighbour) to at least MINSIDE. */
    public static byte[] png(float[] data, int channels, int height, int width, boolean signed, int minSide) {
        int[] px = argb(data, channels, height, width, signed);
        int k = Math.max(1, (minSide + Math.max(height, width) - 1) / Math.max(height, width));
        BufferedImage img = new BufferedImage(width * k, height * k, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height * k; y++) {
            for (int x = 0; x < width * k; x++) {
                img.setRGB(x, y, px[(y / k) * width + x / k]);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            // in memory: ImageIO's disk cache registers a delete-on-exit hook, which fails while a
            // SIGTERM shuts the JVM down and the run is writing its last files
            ImageIO.setUseCache(false);
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
