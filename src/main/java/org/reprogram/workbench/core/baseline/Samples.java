package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.Experiment;

/**
 * One split as plain floats: canvases [C, H, W] or, for the linear probe, cached penultimate
 * features [D]. Copied into per-batch NDArrays, so nothing native outlives a batch.
 *
 * @param values size() * itemSize() floats, item-major
 * @param labels target class of every item
 * @param itemShape shape of one item ([C, H, W] or [D])
 */
public record Samples(float[] values, int[] labels, long[] itemShape) {

    /** The canvases of an experiment-style split. */
    public static Samples of(Experiment.Tensors t, int channels, int height, int width) {
        return new Samples(t.pixels(), t.labels(), new long[] {channels, height, width});
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
        int n = to - from;
        int size = itemSize();
        FloatBuffer f = buffer.start();
        for (int i = from; i < to; i++) {
            f.put(values, order[i] * size, size);
        }
        long[] shape = new long[itemShape.length + 1];
        shape[0] = n;
        System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
        return manager.create(buffer.finish(n * size), new Shape(shape), DataType.FLOAT32);
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
