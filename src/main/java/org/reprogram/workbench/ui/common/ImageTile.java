package org.reprogram.workbench.ui.common;

/**
 * One picture for an {@link ImageGrid}: CHW floats plus a caption (plain data, made into an
 * image by the view).
 *
 * @param data CHW floats ([0,1], or [-1,1] when SIGNED)
 * @param channels 1 or 3
 * @param height rows
 * @param width columns
 * @param signed true for perturbations (mid-gray = 0)
 * @param caption text under the image
 * @param correct TRUE/FALSE marks the caption right/wrong, null leaves it neutral
 */
public record ImageTile(float[] data, int channels, int height, int width, boolean signed, String caption,
        Boolean correct) {

    public static ImageTile of(org.reprogram.workbench.core.data.RasterImage img, String caption, Boolean correct) {
        return new ImageTile(img.data(), img.channels(), img.height(), img.width(), false, caption, correct);
    }
}
