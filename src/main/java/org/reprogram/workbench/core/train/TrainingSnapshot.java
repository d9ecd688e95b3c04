package org.reprogram.workbench.core.train;

import java.util.List;

/**
 * An immutable copy of the run's state for views and history (plain arrays only).
 *
 * @param epoch 1-based epoch the snapshot belongs to (0: before training)
 * @param step global training step
 * @param epochEnd true for the snapshot taken after an epoch's validation
 * @param channels canvas channels
 * @param height canvas height
 * @param width canvas width
 * @param perturbation the program's additive delta, channels*height*width floats
 * @param signedPerturbation true when the delta ranges over negative values too (legend -1..1),
 *     false for a sigmoid frame in (0, 1)
 * @param inputScale learned input scale s (scale program), else NaN
 * @param mappingWeights K_s x K_t mapping weights
 * @param assignment source classes of each target class (null for learned mappings)
 * @param samples a few validation samples after programming, with predictions
 * @param confusion validation confusion matrix [true][predicted] (epoch ends only, else null)
 * @param metrics the epoch's metrics (epoch ends only, else null)
 * @param validationPredictions predicted target class of every validation image (epoch ends
 *     only, else null), aligned with {@link RunInfo#validationIndices()}
 */
public record TrainingSnapshot(
        int epoch,
        long step,
        boolean epochEnd,
        int channels,
        int height,
        int width,
        float[] perturbation,
        boolean signedPerturbation,
        double inputScale,
        float[][] mappingWeights,
        int[][] assignment,
        List<SampleView> samples,
        int[][] confusion,
        EpochMetrics metrics,
        int[] validationPredictions) {

    /** This snapshot with SAMPLES instead of its own (a replay recomputes a saved epoch's samples). */
    public TrainingSnapshot withSamples(List<SampleView> samples) {
        return new TrainingSnapshot(epoch, step, epochEnd, channels, height, width, perturbation, signedPerturbation,
                inputScale, mappingWeights, assignment, List.copyOf(samples), confusion, metrics, validationPredictions);
    }

    /**
     * One target sample as the source model sees it.
     *
     * @param index index in the validation set
     * @param trueTarget true target class
     * @param programmed programmed input clipped to [0, 1], channels*height*width floats
     * @param predictedSource argmax source class
     * @param predictedTarget argmax mapped target class
     * @param mask the sample-specific mask (smm program), channels*height*width floats, else null
     */
    public record SampleView(int index, int trueTarget, float[] programmed, int predictedSource, int predictedTarget,
            float[] mask) {

        public boolean correct() {
            return trueTarget == predictedTarget;
        }

        /**
         * One view per image of a batch: INDICES, TRUE_TARGETS, SOURCE and TARGET predictions
         * aligned with it, PROGRAMMED and MASKS (null: none) holding SIZE floats per image.
         */
        public static List<SampleView> ofBatch(int[] indices, int[] trueTargets, float[] programmed, float[] masks,
                int[] source, int[] target, int size) {
            List<SampleView> out = new java.util.ArrayList<>(indices.length);
            for (int i = 0; i < indices.length; i++) {
                float[] mask = masks == null ? null : java.util.Arrays.copyOfRange(masks, i * size, (i + 1) * size);
                out.add(new SampleView(indices[i], trueTargets[i], java.util.Arrays.copyOfRange(programmed, i * size,
                        (i + 1) * size), source[i], target[i], mask));
            }
            return out;
        }
    }
}
