package org.reprogram.workbench.core.program;

import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.model.ModelCard;

/**
 * Where a target image goes on the source model's canvas: resized to INNER_H x INNER_W and
 * centred on a CHANNELS x HEIGHT x WIDTH canvas of zeros.
 */
public record Placement(int channels, int height, int width, int innerHeight, int innerWidth) {

    public Placement {
        if (innerHeight < 1 || innerWidth < 1 || innerHeight > height || innerWidth > width) {
            throw new IllegalArgumentException("inner size " + innerHeight + "x" + innerWidth
                    + " must be between 1 and the canvas size " + height + "x" + width);
        }
    }

    /** The target resized to CARD's whole input: no frame (full programs, baselines, zero-shot). */
    public static Placement wholeCanvas(ModelCard card) {
        return new Placement(card.channels(), card.height(), card.width(), card.height(), card.width());
    }

    public int top() {
        return (height - innerHeight) / 2;
    }

    public int left() {
        return (width - innerWidth) / 2;
    }

    public int canvasSize() {
        return channels * height * width;
    }

    /** True when pixel (y, x) lies inside the target window. */
    public boolean inWindow(int y, int x) {
        return y >= top() && y < top() + innerHeight && x >= left() && x < left() + innerWidth;
    }

    /**
     * Resizes IMG into the window of the canvas at OFFSET in OUT (only the window is written).
     * Same values as {@code img.withChannels(channels).resize(innerHeight, innerWidth)} copied in,
     * written straight into OUT: placing a batch makes no garbage for gray or same-channel images.
     */
    public void place(RasterImage img, float[] out, int offset) {
        RasterImage src = img.channels() > channels ? img.withChannels(channels) : img; // luminance, then resize
        int plane = height * width;
        int window = offset + top() * width + left();
        src.resizeInto(innerHeight, innerWidth, out, window, width, plane);
        for (int c = src.channels(); c < channels; c++) { // gray repeated into every channel
            for (int y = 0; y < innerHeight; y++) {
                System.arraycopy(out, window + y * width, out, window + c * plane + y * width, innerWidth);
            }
        }
    }
}
