package org.reprogram.workbench.core.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.reprogram.workbench.core.AtomicFiles;

/** Writes ARGB pixels (e.g. a snapshot of a chart) as a PNG file, atomically. */
public final class PngImage {

    private PngImage() {}

    /**
     * Writes the WIDTH x HEIGHT image whose pixels ARGB holds row by row (0xAARRGGBB) to OUT; the
     * file appears whole or not at all.
     */
    public static void write(Path out, int width, int height, int[] argb) throws IOException {
        if (width <= 0 || height <= 0 || argb.length < (long) width * height) {
            throw new IllegalArgumentException("no picture to save (" + width + "x" + height + ", " + argb.length
                    + " pixels)");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(img, "png", stream)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }
}
