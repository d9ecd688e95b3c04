package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.RasterImage;

/**
 * Issue 17, item 12: one picture saved as gray + alpha and as RGBA decodes to the same pixels (both
 * composited onto black), so it is placed on the same canvas and gets the same prediction. Gray +
 * alpha used to ignore its alpha.
 */
class AlphaImagesTest {

    private static final int W = 16;
    private static final int H = 8;

    private static int gray(int x, int y) {
        return (x * 16 + y * 7) & 0xff;
    }

    private static int alpha(int x, int y) {
        return x < 4 ? 0 : x < 8 ? 128 : (x * 31 + y) & 0xff;
    }

    @Test
    void grayAlphaAndRgbaOfOnePictureDecodeAlike(@TempDir Path tmp) throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(W, H);
        BufferedImage ga = new BufferedImage(cm, raster, false, null);
        BufferedImage rgba = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                raster.setSample(x, y, 0, gray(x, y));
                raster.setSample(x, y, 1, alpha(x, y));
                int g = gray(x, y);
                rgba.setRGB(x, y, alpha(x, y) << 24 | g << 16 | g << 8 | g);
            }
        }
        Path gaFile = tmp.resolve("gray-alpha.png");
        Path rgbaFile = tmp.resolve("rgba.png");
        ImageIO.write(ga, "png", gaFile.toFile());
        ImageIO.write(rgba, "png", rgbaFile.toFile());
        assertEquals(4, Files.readAllBytes(gaFile)[25], "PNG colour type 4: gray + alpha");
        assertEquals(6, Files.readAllBytes(rgbaFile)[25], "PNG colour type 6: RGBA");

        RasterImage fromGa = ImageDecoder.read(gaFile);
        RasterImage fromRgba = ImageDecoder.read(rgbaFile);
        assertEquals(1, fromGa.channels());
        assertEquals(3, fromRgba.channels());
        assertArrayEquals(fromRgba.data(), fromGa.withChannels(3).data(), "a colour source sees the same pixels");
        assertArrayEquals(fromGa.data(), fromRgba.withChannels(1).data(), 1e-6f, "a gray source sees the same pixels");
        assertEquals(0f, fromGa.data()[2 * W + 2], "a transparent pixel is black");
        assertEquals(gray(8, 1) / 255f * (alpha(8, 1) / 255f), fromGa.data()[W + 8], 1e-7f);
    }
}
