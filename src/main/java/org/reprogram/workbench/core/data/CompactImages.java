package org.reprogram.workbench.core.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Decoded images held in memory in compact form: one byte a value where every value of the
 * image is an exact 8-bit level (k / 255, what PNG/JPEG/BMP/GIF and IDX decode to), floats
 * otherwise (16-bit gray, alpha composited onto black). {@link #get} rebuilds the very
 * {@link RasterImage} that was added, bit for bit, so canvases placed from it per batch equal
 * the canvases placed from the decoder's output.
 */
public final class CompactImages extends AbstractList<RasterImage> implements RandomAccess {

    private final List<Object> pixels = new ArrayList<>(); // byte[] or float[] per image
    private final List<int[]> shapes = new ArrayList<>();
    private long bytes;

    /** Adds IMG and returns the bytes its compact form takes. */
    public long append(RasterImage img) {
        float[] d = img.data();
        byte[] b = new byte[d.length];
        boolean exact = true;
        for (int i = 0; i < d.length && exact; i++) {
            int k = Math.round(d[i] * 255f);
            exact = k >= 0 && k <= 255 && k / 255f == d[i];
            b[i] = (byte) k;
        }
        Object stored = exact ? b : d.clone();
        long size = exact ? b.length : 4L * d.length;
        pixels.add(stored);
        shapes.add(new int[] {img.channels(), img.height(), img.width()});
        bytes += size;
        return size;
    }

    /** Adds an image given as 8-bit levels (IDX records); keeps B. */
    public long appendBytes(int channels, int height, int width, byte[] b) {
        if (b.length != channels * height * width) {
            throw new IllegalArgumentException(b.length + " bytes for " + channels + "x" + height + "x" + width);
        }
        pixels.add(b);
        shapes.add(new int[] {channels, height, width});
        bytes += b.length;
        return b.length;
    }

    /** Bytes of pixel data held. */
    public long bytes() {
        return bytes;
    }

    @Override
    public RasterImage get(int index) {
        int[] s = shapes.get(index);
        Object p = pixels.get(index);
        if (p instanceof float[] f) {
            return new RasterImage(s[0], s[1], s[2], f.clone());
        }
        byte[] b = (byte[]) p;
        float[] f = new float[b.length];
        for (int i = 0; i < b.length; i++) {
            f[i] = (b[i] & 0xff) / 255f;
        }
        return new RasterImage(s[0], s[1], s[2], f);
    }

    @Override
    public void clear() {
        pixels.clear();
        shapes.clear();
        bytes = 0;
    }

    @Override
    public int size() {
        return pixels.size();
    }
}
