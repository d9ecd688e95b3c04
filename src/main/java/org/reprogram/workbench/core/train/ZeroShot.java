package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.program.Placement;

/**
 * The zero-shot accuracy of a vision-language source on the target: the figure every run on it is
 * measured against. No program (each image resized to the model's whole input, as CLIP's preprocessing
 * does), and each class scored by scale x cosine with its own prompts together: the normalised mean of
 * the embeddings of every template (or description) written for it, CLIP's and ILM-VP's template
 * ensemble ({@code get_text_ensemble_embedding}). These are the run's prompts regrouped by class, so a
 * run and its zero-shot figure use the same words. Its model queries are not counted as the run's.
 *
 * @param testAccuracy accuracy on the test split
 * @param validationAccuracy accuracy on the validation split (NaN when there is none)
 * @param prompts how many texts were embedded for it
 */
public record ZeroShot(double testAccuracy, double validationAccuracy, int prompts) {

    /**
     * A run's recorded figure: what it recorded at its start (INFO, info.json), else in its result (RESULT,
     * result.json); null for a classifier's run (either may be null).
     */
    public static ZeroShot recorded(RunInfo info, TrainingResult result) {
        if (info != null && info.zeroShot() != null) {
            return info.zeroShot();
        }
        return result == null ? null : result.zeroShot();
    }

    /** The zero-shot figure of EXP's source, or null when it is not a vision-language model. */
    public static ZeroShot of(Experiment exp, int batchSize) {
        if (!(exp.source() instanceof PromptClassifier source)) {
            return null;
        }
        Placement whole = Placement.wholeCanvas(source.card());
        int texts = source.prompts().perClass().prompts().stream().mapToInt(p -> p.texts().size()).sum();
        try (PromptClassifier zeroShot = source.zeroShot()) {
            double test = accuracy(zeroShot, Experiment.place(exp.dataset().test(), whole), batchSize);
            double val = exp.validation().size() == 0 ? Double.NaN : accuracy(zeroShot,
                    Experiment.place(exp.dataset().train().subset(exp.validationIndices()), whole), batchSize);
            return new ZeroShot(test, val, texts);
        }
    }

    /** Accuracy of MODEL's argmax (its classes are the target's, in order) on SPLIT. */
    static double accuracy(SourceModel model, CanvasSplit split, int batchSize) {
        int n = split.size();
        if (n == 0) {
            return Double.NaN;
        }
        int correct = 0;
        try (BatchPrefetcher loader = new BatchPrefetcher(split, batchSize)) {
            loader.start(split.identityOrder());
            while (loader.hasNext()) {
                BatchPrefetcher.Batch batch = loader.next();
                int[] labels = batch.labels();
                try (NDManager scope = model.manager().newSubManager()) {
                    NDArray logits = model.logits(batch.array(scope));
                    int[] p = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                    for (int i = 0; i < labels.length; i++) {
                        correct += p[i] == labels[i] ? 1 : 0;
                    }
                }
            }
        }
        return (double) correct / n;
    }
}
