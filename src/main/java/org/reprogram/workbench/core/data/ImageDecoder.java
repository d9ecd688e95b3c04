package org.reprogram.workbench.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.reprogram.workbench.core.UserInputException;

/**
 * Reads PNG/JPEG/BMP/GIF files into {@link RasterImage}s (gray stays 1 channel). Transparent
 * pixels are composited onto black, the same for gray + alpha as for colour + alpha.
 */
public final class ImageDecoder {

    /**
     * Largest image read at all, in pixels (width x height): 500 megapixels, above any camera (the
     * largest phone sensors have 200). The size is read from the file's header first: a small file
     * can declare a huge image (an 875 KB PNG of 30000 x 30000 pixels), and such files are refused
     * before any pixel memory is allocated.
     */
    public static final long MAX_PIXELS = 500_000_000L;

    /**
     * Most pixels decoded into memory: 50 megapixels, above 8K frames (33 MP). A larger image is
     * decoded subsampled (every s-th pixel of every s-th row, s the smallest factor that brings it
     * to this size; ImageIO skips the other pixels while it reads), so a 144-megapixel photo takes
     * the memory of a 36-megapixel one. Images are bounded to 512 px per side after decoding
     * anyway (see {@link DataMemory#MAX_SIDE}).
     */
    public static final long MAX_DECODED_PIXELS = 50_000_000L;

    private static final String FIX = "delete the file or re-save it as PNG or JPEG";

    private ImageDecoder() {}

    public static boolean isImageFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
                || n.endsWith(".bmp") || n.endsWith(".gif"));
    }

    /**
     * Decodes FILE, subsampled when it has more than {@link #MAX_DECODED_PIXELS}; an unreadable,
     * broken or too large ({@link #MAX_PIXELS}) file is an {@link UnreadableImageException} naming it.
     */
    public static RasterImage read(Path file) {
        if (!Files.isReadable(file)) {
            throw new UnreadableImageException(file, Files.exists(file) ? "cannot be read (no permission)"
                    : "is missing", "check the file", null);
        }
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UnreadableImageException(file, "is not a readable PNG/JPEG/BMP/GIF image", FIX, null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0); // header only, nothing decoded yet
                int height = reader.getHeight(0);
                requireSize(file, width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = subsampling(width, height);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                img = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (UnreadableImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException(file, "cannot decode image (" + e.getMessage() + ")", FIX, e);
        }
        if (img == null) {
            throw new UnreadableImageException(file, "is not a readable PNG/JPEG/BMP/GIF image", FIX, null);
        }
        return fromBufferedImage(img);
    }

    /** The smallest s for which a WIDTH x HEIGHT image read every s-th pixel has at most {@link #MAX_DECODED_PIXELS}. */
    public static int subsampling(int width, int height) {
        int s = 1;
        while ((long) ceilDiv(width, s) * ceilDiv(height, s) > MAX_DECODED_PIXELS) {
            s++;
        }
        return s;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void requireSize(Path file, int width, int height) {
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw new UnreadableImageException(file, String.format(java.util.Locale.ROOT,
                    "is %d x %d pixels (%.0f megapixels), more than the limit of %d megapixels", width, height,
                    pixels / 1e6, MAX_PIXELS / 1_000_000), "scale the image down or remove it from the dataset", null);
        }
    }

    /** An image file that cannot be used: FILE and the PROBLEM, also as one message "FILE: problem. Fix: ...". */
    public static final class UnreadableImageException extends UserInputException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final String problem;
        private final String fix;

        UnreadableImageException(Path file, String problem, String fix, Throwable cause) {
            super(file + ": " + problem + ". Fix: " + fix, cause);
            this.file = file;
            this.problem = problem;
            this.fix = fix;
        }

        public Path file() {
            return file;
        }

        /** What is wrong, without the file name and the fix. */
        public String problem() {
            return problem;
        }

        /** What to do about it. */
        public String fix() {
            return fix;
        }
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
            java.awt.image.WritableRaster raster = img.getRaster();
            // gray + alpha composites onto black like colour + alpha does (below): value x alpha
            int alphaBand = img.getColorModel().hasAlpha() && raster.getNumBands() >= 2 ? raster.getNumBands() - 1 : -1;
            boolean premultiplied = img.getColorModel().isAlphaPremultiplied();
            float alphaMax = alphaBand < 0 ? 1 : (1 << img.getSampleModel().getSampleSize(alphaBand)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = raster.getSample(x, y, 0) / max;
                    if (alphaBand >= 0 && !premultiplied) {
                        v = v * (raster.getSample(x, y, alphaBand) / alphaMax);
                    }
                    data[y * w + x] = v;
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
