package org.reprogram.workbench.core.baseline;

import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.data.SplitPlan;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.train.CanvasSplit;
import org.reprogram.workbench.core.train.Experiment;

/**
 * The target splits of a baseline, made exactly as {@link Experiment} makes them: the same
 * {@link SplitPlan} (validation share, shots, seed) and every image resized to fill the whole
 * canvas of the source model (placement of program 'full').
 *
 * @param dataset the target dataset
 * @param placement canvas geometry (target window = whole canvas)
 * @param train training canvases
 * @param validation validation canvases (may be empty)
 * @param test test canvases
 * @param validationIndices indices into the dataset's train split of the validation images
 */
public record BaselineData(TargetDataset dataset, Placement placement, Samples train, Samples validation,
        Samples test, int[] validationIndices) {

    /** Splits DATASET for CARD's canvas with the config's validation share, shots and seed. */
    public static BaselineData split(TargetDataset dataset, ModelCard card, RunSpec config) {
        Placement p = Placement.wholeCanvas(card);
        SplitPlan plan = SplitPlan.make(dataset.train().labels(), dataset.numClasses(), config.data().valFraction(),
                config.data().shots(), config.seed());
        return new BaselineData(dataset, p,
                samples(Experiment.place(dataset.train().subset(plan.train()), p), p),
                samples(Experiment.place(dataset.train().subset(plan.validation()), p), p),
                samples(Experiment.place(dataset.test(), p), p), plan.validation());
    }

    private static Samples samples(CanvasSplit t, Placement p) {
        return Samples.of(t);
    }

    public int numClasses() {
        return dataset.numClasses();
    }
}
