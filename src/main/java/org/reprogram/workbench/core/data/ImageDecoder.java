package org.reprogram.workbench.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.reprogram.workbench.core.UserInputException;

/** Reads PNG/JPEG/BMP/GIF files into {@link RasterImage}s (gray stays 1 channel). */
public final class ImageDecoder {

    private ImageDecoder() {}

    public static boolean isImageFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".bmp") || n.endsWith(".gif"));
    }

    public static RasterImage read(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw UserInputException.forFile(file, "cannot decode image (" + e.getMessage() + ")",
                    "delete the file or re-save it as PNG or JPEG", e);
        }
        if (img == null) {
            throw UserInputException.forFile(file, "is not a readable PNG/JPEG/BMP/GIF image",
                    "delete the file or re-save it as PNG or JPEG");
        }
        return fromBufferedImage(img);
    }

    public static RasterImage fromBufferedImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean gray = img.getColorModel().getNumColorComponents() == 1;
        int c = gray ? 1 : 3;
        float[] data = new float[c * h * w];
        int plane = h * w;
        if (gray && img.getRaster().getNumBands() >= 1 && img.getSampleModel().getSampleSize(0) <= 16) {
            int bits = img.getSampleModel().getSampleSize(0);
            float max = (1 << bits) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    data[y * w + x] = img.getRaster().getSample(x, y, 0) / max;
                }
            }
            return new RasterImage(1, h, w, data);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                float a = ((argb >>> 24) & 0xff) / 255f; // transparent pixels composite onto black
                float r = ((argb >> 16) & 0xff) / 255f * a;
                float g = ((argb >> 8) & 0xff) / 255f * a;
                float b = (argb & 0xff) / 255f * a;
                if (gray) {
                    data[y * w + x] = r;
                } else {
                    data[y * w + x] = r;
                    data[plane + y * w + x] = g;
                    data[2 * plane + y * w + x] = b;
                }
            }
        }
        return new RasterImage(c, h, w, data);
    }
}
