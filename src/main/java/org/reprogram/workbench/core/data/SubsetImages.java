package org.reprogram.workbench.core.data;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** The images of BASE at INDICES, as a view: nothing is copied or decoded until asked for. */
final class SubsetImages extends AbstractList<RasterImage> implements RandomAccess {

    private final List<RasterImage> base;
    private final int[] indices;

    SubsetImages(List<RasterImage> base, int[] indices) {
        this.base = base;
        this.indices = indices.clone();
    }

    /** The list this is a view of (re-splitting by another seed, see {@link TestSplits}). */
    List<RasterImage> base() {
        return base;
    }

    /** The index in {@link #base()} of each image. */
    int baseIndex(int index) {
        return indices[index];
    }

    @Override
    public RasterImage get(int index) {
        return base.get(indices[index]);
    }

    @Override
    public int size() {
        return indices.length;
    }
}
