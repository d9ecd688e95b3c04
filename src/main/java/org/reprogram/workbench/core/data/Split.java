package org.reprogram.workbench.core.data;

import java.util.List;

/**
 * Images with their class indices. IMAGES is usually a compact or on-disk list
 * ({@link CompactImages}, streamed files) that decodes an image when asked for it: read
 * images by index, per batch, and do not keep them.
 */
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

    /** The samples at INDICES; the images are a view (nothing is decoded or copied). */
    public Split subset(int[] indices) {
        int[] labs = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            labs[i] = labels[indices[i]];
        }
        return new Split(new SubsetImages(images, indices), labs);
    }
}
