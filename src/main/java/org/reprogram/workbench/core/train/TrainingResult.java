package org.reprogram.workbench.core.train;

/**
 * The outcome of a run (result.json).
 *
 * @param status "completed", "stopped" (user stop after an epoch), "cancelled" or "failed"
 * @param message failure or cancellation reason, null when completed
 * @param testAccuracy accuracy on the test split (NaN when not evaluated)
 * @param testLoss mean test loss
 * @param bestValAccuracy best validation accuracy over epochs
 * @param trainableParameters program + mapping weights
 * @param sourceParameters frozen source weights
 * @param wallSeconds total wall time including evaluation
 * @param epochs epochs completed
 * @param seed seed
 * @param program program id
 * @param mapping mapping id
 * @param trainer trainer id
 * @param source source spec
 * @param target target folder
 * @param device device used
 * @param imagesPerSecond mean training throughput
 * @param queries model queries (black-box; white-box counts forward passes per image too)
 * @param peakRssMegabytes peak resident memory of the process
 * @param testConfusion test confusion matrix [true][predicted]
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
        int[][] testConfusion) {

    public boolean completed() {
        return "completed".equals(status) || "stopped".equals(status);
    }
}
