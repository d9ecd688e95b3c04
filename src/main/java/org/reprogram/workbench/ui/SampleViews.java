package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/** Turns snapshots into gallery items and confusion-cell image lists (plain data, no JavaFX). */
final class SampleViews {

    static final int MAX_CELL_IMAGES = 48;

    private SampleViews() {}

    static String name(List<String> names, int i) {
        return names == null || i < 0 || i >= names.size() ? Integer.toString(i) : names.get(i);
    }

    /** The DATASET when it is the one the run used (same folder), else null. */
    static TargetDataset matching(TargetDataset dataset, RunInfo info, String target) {
        if (dataset == null || info == null || info.validationIndices() == null || target == null) {
            return null;
        }
        try {
            Path a = dataset.location().toAbsolutePath().normalize();
            Path b = Path.of(target).toAbsolutePath().normalize();
            return a.equals(b) ? dataset : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static List<GalleryItem> gallery(TrainingSnapshot s, RunInfo info, TargetDataset data) {
        List<GalleryItem> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        List<String> tn = info == null ? null : info.targetClasses();
        List<String> sn = info == null ? null : info.sourceClasses();
        for (TrainingSnapshot.SampleView v : s.samples()) {
            ImageTile original = null;
            if (data != null && v.index() < info.validationIndices().length) {
                int i = info.validationIndices()[v.index()];
                if (i < data.train().size()) {
                    original = ImageTile.of(data.train().images().get(i), "", null);
                }
            }
            ImageTile programmed = new ImageTile(v.programmed(), s.channels(), s.height(), s.width(), false, "",
                    v.correct());
            out.add(new GalleryItem(original, programmed, name(tn, v.trueTarget()), name(sn, v.predictedSource()),
                    name(tn, v.predictedTarget()), v.correct()));
        }
        return out;
    }

    /** Validation images with true class T predicted as P at the epoch of S. */
    static List<ImageTile> cell(TrainingSnapshot s, RunInfo info, TargetDataset data, int t, int p) {
        List<ImageTile> out = new ArrayList<>();
        if (s == null || s.validationPredictions() == null || data == null) {
            return out;
        }
        int[] idx = info.validationIndices();
        int[] pred = s.validationPredictions();
        for (int k = 0; k < Math.min(idx.length, pred.length) && out.size() < MAX_CELL_IMAGES; k++) {
            int i = idx[k];
            if (pred[k] == p && i < data.train().size() && data.train().labels()[i] == t) {
                out.add(ImageTile.of(data.train().images().get(i), "#" + i, t == p));
            }
        }
        return out;
    }
}
