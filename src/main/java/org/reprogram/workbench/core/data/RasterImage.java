package org.reprogram.workbench.core.data;

/**
 * A decoded image: CHW floats in [0, 1], 1 (gray) or 3 (RGB) channels.
 *
 * @param channels 1 or 3
 * @param height rows
 * @param width columns
 * @param data channels * height * width values, channel-major
 */
public record RasterImage(int channels, int height, int width, float[] data) {

    public RasterImage {
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("data length " + data.length + " != " + channels + "x" + height + "x" + width);
        }
    }

    /** This image with C channels: gray is repeated, colour becomes luminance (ITU-R 601). */
    public RasterImage withChannels(int c) {
        if (c == channels) {
            return this;
        }
        int plane = height * width;
        float[] out = new float[c * plane];
        if (channels == 1) {
            for (int k = 0; k < c; k++) {
                System.arraycopy(data, 0, out, k * plane, plane);
            }
        } else if (c == 1) {
            for (int i = 0; i < plane; i++) {
                out[i] = 0.299f * data[i] + 0.587f * data[plane + i] + 0.114f * data[2 * plane + i];
            }
        } else {
            throw new IllegalArgumentException("cannot convert " + channels + " to " + c + " channels");
        }
        return new RasterImage(c, height, width, out);
    }

    /** Resized to H x W: box-average when shrinking, bilinear (half-pixel centres) otherwise. */
    public RasterImage resize(int h, int w) {
        if (h == height && w == width) {
            return this;
        }
        float[] out = new float[channels * h * w];
        resizeInto(h, w, out, 0, w, h * w);
        return new RasterImage(channels, h, w, out);
    }

    /**
     * Writes this image resized to H x W (the same values as {@link #resize}) into OUT: channel
     * c, row y starts at OFFSET + c * PLANESTRIDE + y * ROWSTRIDE. Allocates nothing unless the
     * image shrinks by 2x or more (box-halving first), so canvases are placed without garbage.
     */
    public void resizeInto(int h, int w, float[] out, int offset, int rowStride, int planeStride) {
        RasterImage src = this;
        while (src.height >= 2 * h && src.width >= 2 * w) {
            src = src.halve();
        }
        if (src.height == h && src.width == w) {
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(src.data, (c * h + y) * w, out, offset + c * planeStride + y * rowStride, w);
                }
            }
            return;
        }
        float sy = (float) src.height / h;
        float sx = (float) src.width / w;
        for (int y = 0; y < h; y++) {
            float fy = Math.max(0, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, src.height - 1);
            int y1 = Math.min(y0 + 1, src.height - 1);
            float wy = fy - y0;
            for (int x = 0; x < w; x++) {
                float fx = Math.max(0, (x + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, src.width - 1);
                int x1 = Math.min(x0 + 1, src.width - 1);
                float wx = fx - x0;
                for (int c = 0; c < channels; c++) {
                    int base = c * src.height * src.width;
                    float a = src.data[base + y0 * src.width + x0];
                    float b = src.data[base + y0 * src.width + x1];
                    float d = src.data[base + y1 * src.width + x0];
                    float e = src.data[base + y1 * src.width + x1];
                    out[offset + c * planeStride + y * rowStride + x] =
                            (a * (1 - wx) + b * wx) * (1 - wy) + (d * (1 - wx) + e * wx) * wy;
                }
            }
        }
    }

    /**
     * This image when its longer side is at most MAXSIDE, else box-halved until it is and
     * rounded to 8-bit levels (so it stores compactly). Deliberately a bound on the stored
     * size only: the canvas windows are far smaller, and {@link #resize} halves the same way.
     */
    public RasterImage bounded(int maxSide) {
        if (Math.max(height, width) <= maxSide) {
            return this;
        }
        RasterImage r = this;
        while (Math.max(r.height, r.width) > maxSide && r.height >= 2 && r.width >= 2) {
            r = r.halve();
        }
        float[] q = r.data.clone();
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.round(Math.min(1f, Math.max(0f, q[i])) * 255f) / 255f;
        }
        return new RasterImage(r.channels, r.height, r.width, q);
    }

    private RasterImage halve() {
        int h = height / 2;
        int w = width / 2;
        float[] out = new float[channels * h * w];
        for (int c = 0; c < channels; c++) {
            int sb = c * height * width;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = sb + 2 * y * width + 2 * x;
                    out[c * h * w + y * w + x] = 0.25f * (data[i] + data[i + 1] + data[i + width] + data[i + width + 1]);
                }
            }
        }
        return new RasterImage(channels, h, w, out);
    }
}
