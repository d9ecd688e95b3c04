package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.train.CanvasSplit;

/**
 * One split of a baseline: canvases [C, H, W] placed per batch from the compact target images
 * ({@link CanvasSplit}) or, for the linear probe, cached penultimate features [D] as plain
 * floats. Copied into per-batch NDArrays, so nothing native outlives a batch.
 *
 * @param values size() * itemSize() floats, item-major (null for canvases)
 * @param labels target class of every item
 * @param itemShape shape of one item ([C, H, W] or [D])
 * @param canvases the canvas split (null for features)
 */
public record Samples(float[] values, int[] labels, long[] itemShape, CanvasSplit canvases) {

    /** Items held as floats (features, or canvases in tests). */
    public Samples(float[] values, int[] labels, long[] itemShape) {
        this(values, labels, itemShape, null);
    }

    /** The canvases of an experiment-style split. */
    public static Samples of(CanvasSplit t) {
        Placement p = t.placement();
        return new Samples(null, t.labels(), new long[] {p.channels(), p.height(), p.width()}, t);
    }

    /** Item I as floats. */
    public float[] item(int i) {
        if (canvases != null) {
            return canvases.canvas(i);
        }
        int size = itemSize();
        float[] out = new float[size];
        System.arraycopy(values, i * size, out, 0, size);
        return out;
    }

    public int size() {
        return labels.length;
    }

    /** Floats per item. */
    public int itemSize() {
        long n = 1;
        for (long d : itemShape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    /** Items ORDER[FROM..TO) as a [n, itemShape...] array in MANAGER, staged through BUFFER. */
    public NDArray batch(NDManager manager, int[] order, int from, int to, BatchBuffer buffer) {
        if (canvases != null) {
            return canvases.batch(manager, order, from, to, buffer);
        }
        int n = to - from;
        int size = itemSize();
        FloatBuffer f = buffer.start();
        for (int i = from; i < to; i++) {
            f.put(values, order[i] * size, size);
        }
        long[] shape = new long[itemShape.length + 1];
        shape[0] = n;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        return buffer.array(manager, new Shape(shape));
    }

    public int[] labels(int[] order, int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = labels[order[i]];
        }
        return out;
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
