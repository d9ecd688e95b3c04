package org.reprogram.workbench.core.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which validation images the live gallery shows: one image per target class, for a page of up to
 * {@link #PAGE} classes at a time (page 0: classes 0-23, page 1: 24-47, …), so that every class can
 * be seen without a forward pass over hundreds of images at every snapshot. A page with fewer
 * than {@link #MIN} classes is filled up with further images of its classes.
 */
public final class SamplePages {

    /** Target classes per page (and the most images a snapshot programs). */
    public static final int PAGE = 24;
    static final int MIN = 8;

    private final int[] labels;
    private final int classes;
    private final int[][] cache;

    /** LABELS: the true target class of every image of the monitored split; CLASSES target classes. */
    public SamplePages(int[] labels, int classes) {
        this.labels = labels.clone();
        this.classes = Math.max(1, classes);
        this.cache = new int[pages(this.classes)][];
    }

    /** How many pages CLASSES target classes need (at least 1). */
    public static int pages(int classes) {
        return Math.max(1, (classes + PAGE - 1) / PAGE);
    }

    /** The first target class of PAGE (clamped to the pages there are). */
    public static int firstClass(int page, int classes) {
        return Math.max(0, Math.min(page, pages(classes) - 1)) * PAGE;
    }

    /** The most images any page holds: the size of the sample buffer. */
    public int capacity() {
        return Math.min(PAGE, Math.max(MIN, classes));
    }

    /** Indices into the split of PAGE's images (clamped to the pages there are): first one per class, in split order. */
    public synchronized int[] indices(int page) {
        int p = Math.max(0, Math.min(page, cache.length - 1));
        if (cache[p] == null) {
            cache[p] = pick(firstClass(p, classes), Math.min(classes, firstClass(p, classes) + PAGE));
        }
        return cache[p];
    }

    private int[] pick(int from, int to) {
        int n = Math.min(capacity(), Math.max(MIN, to - from));
        List<Integer> picked = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < labels.length && picked.size() < n; i++) {
            if (labels[i] >= from && labels[i] < to && seen.add(labels[i])) {
                picked.add(i);
            }
        }
        Set<Integer> taken = new HashSet<>(picked);
        for (int i = 0; i < labels.length && picked.size() < n; i++) {
            if (labels[i] >= from && labels[i] < to && !taken.contains(i)) {
                picked.add(i);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }
}
