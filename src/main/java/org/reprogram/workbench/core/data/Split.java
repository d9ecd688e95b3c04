package org.reprogram.workbench.core.data;

import java.util.List;

/** Decoded images with their class indices. */
public record Split(List<RasterImage> images, int[] labels) {

    public Split {
        if (images.size() != labels.length) {
            throw new IllegalArgumentException(images.size() + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** Number of samples per class index (length numClasses). */
    public int[] classCounts(int numClasses) {
        int[] counts = new int[numClasses];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    public Split subset(int[] indices) {
        RasterImage[] imgs = new RasterImage[indices.length];
        int[] labs = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            imgs[i] = images.get(indices[i]);
            labs[i] = labels[indices[i]];
        }
        return new Split(List.of(imgs), labs);
    }
}
