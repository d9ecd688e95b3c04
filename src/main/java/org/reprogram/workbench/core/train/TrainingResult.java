package org.reprogram.workbench.core.train;

import java.util.List;

/**
 * The outcome of a run (result.json).
 *
 * @param status "completed", "stopped" (user stop after an epoch), "cancelled" or "failed"
 * @param message failure or cancellation reason; null when completed, except for baselines that say
 *     what they did differently from the plain recipe (e.g. a TorchScript module without a features method)
 * @param testAccuracy accuracy on the test split (NaN when not evaluated)
 * @param testLoss mean test loss
 * @param bestValAccuracy best validation accuracy over epochs
 * @param trainableParameters weights the optimizer updated: program + mapping, or for a baseline its head
 *     (and for fine-tune/scratch the network's weights)
 * @param sourceParameters weights of the source network (frozen, except in fine-tune/scratch baselines)
 * @param wallSeconds total wall time including evaluation
 * @param epochs epochs completed
 * @param seed seed
 * @param program program id ("-" for baselines)
 * @param mapping mapping id; for baselines "linear-head" or "linear-on-logits"
 * @param trainer trainer id: whitebox, blackbox or baseline
 * @param source source spec
 * @param target target folder
 * @param device device used
 * @param imagesPerSecond mean training throughput
 * @param queries all images the source model answered (training + mapping + evaluation)
 * @param peakRssMegabytes peak resident memory of the process
 * @param testConfusion test confusion matrix [true][predicted]
 * @param method "reprogram", or the baseline: "linear-probe", "finetune", "scratch"
 * @param testAccuracyAtBestVal test accuracy with the state of the best validation epoch (NaN
 *     without validation data)
 * @param bestEpoch the epoch of the best validation accuracy (0 when none)
 * @param trainingQueries images the source model answered for training steps
 * @param mappingQueries images it answered for label-mapping passes (FLM/ILM/BLM/BAR)
 * @param evaluationQueries images it answered for validation, test and live previews
 * @param finalTrainLoss mean training loss of the final state (baselines; null where not recorded: results of other runs and of
 *     versions before it)
 * @param skippedImages unreadable target images left out (--skip-bad-images), "class/file.png
 *     (problem)"; null (not written) when none were
 */
public record TrainingResult(
        String status,
        String message,
        double testAccuracy,
        double testLoss,
        double bestValAccuracy,
        long trainableParameters,
        long sourceParameters,
        double wallSeconds,
        int epochs,
        long seed,
        String program,
        String mapping,
        String trainer,
        String source,
        String target,
        String device,
        double imagesPerSecond,
        long queries,
        double peakRssMegabytes,
        int[][] testConfusion,
        String method,
        double testAccuracyAtBestVal,
        int bestEpoch,
        long trainingQueries,
        long mappingQueries,
        long evaluationQueries,
        Double finalTrainLoss,
        List<String> skippedImages) {

    /** A result without skipped images or a final training loss. */
    public TrainingResult(String status, String message, double testAccuracy, double testLoss, double bestValAccuracy,
            long trainableParameters, long sourceParameters, double wallSeconds, int epochs, long seed, String program,
            String mapping, String trainer, String source, String target, String device, double imagesPerSecond,
            long queries, double peakRssMegabytes, int[][] testConfusion, String method, double testAccuracyAtBestVal,
            int bestEpoch, long trainingQueries, long mappingQueries, long evaluationQueries) {
        this(status, message, testAccuracy, testLoss, bestValAccuracy, trainableParameters, sourceParameters,
                wallSeconds, epochs, seed, program, mapping, trainer, source, target, device, imagesPerSecond, queries,
                peakRssMegabytes, testConfusion, method, testAccuracyAtBestVal, bestEpoch, trainingQueries,
                mappingQueries, evaluationQueries, null, null);
    }

    /** This result with the final training loss of its state (baselines). */
    public TrainingResult withFinalTrainLoss(double loss) {
        return new TrainingResult(status, message, testAccuracy, testLoss, bestValAccuracy, trainableParameters,
                sourceParameters, wallSeconds, epochs, seed, program, mapping, trainer, source, target, device,
                imagesPerSecond, queries, peakRssMegabytes, testConfusion, method, testAccuracyAtBestVal, bestEpoch,
                trainingQueries, mappingQueries, evaluationQueries, loss, skippedImages);
    }

    /** This result listing SKIPPED (none: null, so result.json stays as before). */
    public TrainingResult withSkippedImages(List<String> skipped) {
        return new TrainingResult(status, message, testAccuracy, testLoss, bestValAccuracy, trainableParameters,
                sourceParameters, wallSeconds, epochs, seed, program, mapping, trainer, source, target, device,
                imagesPerSecond, queries, peakRssMegabytes, testConfusion, method, testAccuracyAtBestVal, bestEpoch,
                trainingQueries, mappingQueries, evaluationQueries, finalTrainLoss,
                skipped == null || skipped.isEmpty() ? null : List.copyOf(skipped));
    }

    /** Results saved before "method" existed were reprogramming runs. */
    public TrainingResult {
        if (method == null) {
            method = METHOD_REPROGRAM;
        }
    }

    public static final String METHOD_REPROGRAM = "reprogram";

    public boolean completed() {
        return "completed".equals(status) || "stopped".equals(status);
    }
}
