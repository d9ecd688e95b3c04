package org.reprogram.workbench.ui.training;

import org.reprogram.workbench.ui.common.ImageTile;

/**
 * One sample as the source model sees it: target image → programmed input → predicted source
 * class → mapped target class.
 *
 * @param original the target image as in the dataset (null when the dataset is not loaded)
 * @param programmed the programmed canvas the frozen model gets
 * @param mask the sample's own mask (smm program; signed, scaled to the largest value shown), else null
 * @param trueName true target class
 * @param sourceName predicted source class
 * @param predictedName mapped target class
 * @param correct whether the mapped class is the true one
 */
public record GalleryItem(ImageTile original, ImageTile programmed, ImageTile mask, String trueName, String sourceName,
        String predictedName, boolean correct) {

    public String caption() {
        return trueName + " → " + sourceName + " → " + predictedName + (correct ? "  ✓" : "  ✗");
    }
}
