package org.reprogram.workbench.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.ImageTile;

/** Turns snapshots into gallery items and confusion-cell image lists (plain data, no JavaFX). */
public final class SampleViews {

    public static final int MAX_CELL_IMAGES = 48;
    public static final String HINT = "target image → programmed input · true class → predicted source class → mapped"
            + " target class";
    public static final String HINT_NOT_SAVED = "Sample images are shown live while a run trains; a saved run keeps its"
            + " program, mapping and confusion matrices, not the images.";
    static final String HINT_NEXT_PAGE = "The images of this page's classes arrive with the next live snapshot …";
    static final String HINT_PAGE_NOT_TAKEN = "This page's images were not taken before the run ended: a run takes the"
            + " sample images of the page on screen while it trains.";
    static final String HINT_MASKS = HINT + " · per-image mask: mid-gray 0, white/black ± the largest mask value shown";

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
        float maskRange = maskRange(s.samples());
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
            ImageTile mask = v.mask() == null ? null : new ImageTile(scaled(v.mask(), maskRange), s.channels(),
                    s.height(), s.width(), true, "mask", null);
            out.add(new GalleryItem(original, programmed, mask, name(tn, v.trueTarget()), name(sn, v.predictedSource()),
                    name(tn, v.predictedTarget()), v.correct()));
        }
        return out;
    }

    /** The largest |value| over the masks of SAMPLES (shared, so the masks compare), at least a tiny epsilon. */
    static float maskRange(List<TrainingSnapshot.SampleView> samples) {
        float max = 0;
        for (TrainingSnapshot.SampleView v : samples) {
            if (v.mask() != null) {
                for (float x : v.mask()) {
                    if (Float.isFinite(x)) {
                        max = Math.max(max, Math.abs(x));
                    }
                }
            }
        }
        return Math.max(max, 1e-12f);
    }

    /** MASK / RANGE: in [-1, 1] for a signed picture (mid-gray = 0). */
    static float[] scaled(float[] mask, float range) {
        float[] out = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] / range;
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
