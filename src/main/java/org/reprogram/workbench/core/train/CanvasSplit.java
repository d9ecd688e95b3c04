package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.List;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.program.Placement;

/**
 * One split of the target data as the source model sees it: each image resized into the
 * target window and centred on a zero canvas. Placement happens per batch, on the fly, from
 * the compact (or on-disk) images of the {@link Split}: memory does not grow with canvas size
 * times dataset size. Thread-safe (the background loader places while the step runs).
 */
public final class CanvasSplit {

    private final List<RasterImage> images;
    private final int[] labels;
    private final Placement placement;

    public CanvasSplit(Split split, Placement placement) {
        this.images = split.images();
        this.labels = split.labels().clone();
        this.placement = placement;
    }

    public int size() {
        return labels.length;
    }

    public Placement placement() {
        return placement;
    }

    /** Floats per canvas. */
    public int imageSize() {
        return placement.canvasSize();
    }

    /** The class of every item (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    public int label(int index) {
        return labels[index];
    }

    public int[] labels(int[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = labels[order[i]];
        }
        return out;
    }

    /** The canvas of item INDEX as a fresh array. */
    public float[] canvas(int index) {
        float[] out = new float[imageSize()];
        placement.place(images.get(index), out, 0);
        return out;
    }

    /** Places items ORDER[FROM..TO) one after another into F (from its position). */
    public void fill(FloatBuffer f, int[] order, int from, int to) {
        float[] scratch = new float[imageSize()]; // the window is overwritten per image, the rest stays 0
        for (int i = from; i < to; i++) {
            placement.place(images.get(order[i]), scratch, 0);
            f.put(scratch);
        }
    }

    /** Items ORDER[FROM..TO) as a [n, C, H, W] array in MANAGER, staged through BUFFER (same thread). */
    public NDArray batch(NDManager manager, int[] order, int from, int to, BatchBuffer buffer) {
        int n = to - from;
        fill(buffer.start(), order, from, to);
        return buffer.array(manager, shape(n));
    }

    /** [n, C, H, W]. */
    public Shape shape(int n) {
        return new Shape(n, placement.channels(), placement.height(), placement.width());
    }

    /** 0..size()-1. */
    public int[] identityOrder() {
        int[] o = new int[size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        return o;
    }
}
