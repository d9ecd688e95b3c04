package org.reprogram.workbench.core.train;

import java.util.List;

/**
 * The outcome of a run (result.json; the component names are its field names, so files of
 * earlier versions read back). Built with {@link #builder()}.
 *
 * @param status how the run ended (result.json writes the lowercase {@link RunStatus#id()})
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
 * @param zeroShot a vision-language source's zero-shot accuracy on the target with the run's prompts
 *     and no program ({@link ZeroShot}); null (not written) for a classifier
 */
public record TrainingResult(
        RunStatus status,
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
        List<String> skippedImages,
        ZeroShot zeroShot) {

    /** Results saved before "method" existed were reprogramming runs. */
    public TrainingResult {
        if (method == null) {
            method = METHOD_REPROGRAM;
        }
    }

    public static final String METHOD_REPROGRAM = "reprogram";

    /** True when the run completed or was stopped after an epoch (it has a test accuracy). */
    public boolean completed() {
        return status != null && status.finished();
    }

    /** A builder of a result: numbers not set are NaN (accuracies, losses) or 0, texts null. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this result's values. */
    public Builder toBuilder() {
        return new Builder().status(status).message(message).testAccuracy(testAccuracy).testLoss(testLoss)
                .testConfusion(testConfusion).bestValAccuracy(bestValAccuracy)
                .parameters(trainableParameters, sourceParameters).wallSeconds(wallSeconds).epochs(epochs).seed(seed)
                .program(program).mapping(mapping).trainer(trainer).source(source).target(target).device(device)
                .imagesPerSecond(imagesPerSecond).queries(trainingQueries, mappingQueries, evaluationQueries)
                .totalQueries(queries).peakRssMegabytes(peakRssMegabytes).method(method)
                .testAccuracyAtBestVal(testAccuracyAtBestVal).bestEpoch(bestEpoch).finalTrainLoss(finalTrainLoss)
                .skippedImages(skippedImages).zeroShot(zeroShot);
    }

    /** Builds a {@link TrainingResult} by name instead of by position. */
    public static final class Builder {
        private RunStatus status = RunStatus.COMPLETED;
        private String message;
        private double testAccuracy = Double.NaN;
        private double testLoss = Double.NaN;
        private int[][] testConfusion;
        private double bestValAccuracy = Double.NaN;
        private long trainableParameters;
        private long sourceParameters;
        private double wallSeconds;
        private int epochs;
        private long seed;
        private String program;
        private String mapping;
        private String trainer;
        private String source;
        private String target;
        private String device;
        private double imagesPerSecond;
        private long queries;
        private long trainingQueries;
        private long mappingQueries;
        private long evaluationQueries;
        private double peakRssMegabytes;
        private String method = METHOD_REPROGRAM;
        private double testAccuracyAtBestVal = Double.NaN;
        private int bestEpoch;
        private Double finalTrainLoss;
        private List<String> skippedImages;
        private ZeroShot zeroShot;

        private Builder() {}

        /** The vision-language source's zero-shot figure (null for a classifier). */
        public Builder zeroShot(ZeroShot z) { zeroShot = z; return this; }

        public Builder status(RunStatus s) { status = s; return this; }

        public Builder message(String m) { message = m; return this; }

        /** The message set so far (null when none). */
        public String message() { return message; }

        /** Accuracy, loss and confusion of TEST; nothing when it is null (not evaluated). */
        public Builder test(Evaluator.Result test) {
            return test == null ? this : testAccuracy(test.accuracy()).testLoss(test.loss()).testConfusion(test.confusion());
        }

        public Builder testAccuracy(double v) { testAccuracy = v; return this; }

        public Builder testLoss(double v) { testLoss = v; return this; }

        public Builder testConfusion(int[][] v) { testConfusion = v; return this; }

        public Builder bestValAccuracy(double v) { bestValAccuracy = v; return this; }

        public Builder parameters(long trainable, long sourceWeights) {
            trainableParameters = trainable;
            sourceParameters = sourceWeights;
            return this;
        }

        public Builder wallSeconds(double v) { wallSeconds = v; return this; }

        public Builder epochs(int v) { epochs = v; return this; }

        public Builder seed(long v) { seed = v; return this; }

        public Builder program(String v) { program = v; return this; }

        public Builder mapping(String v) { mapping = v; return this; }

        public Builder trainer(String v) { trainer = v; return this; }

        public Builder source(String v) { source = v; return this; }

        public Builder target(String v) { target = v; return this; }

        public Builder device(String v) { device = v; return this; }

        public Builder imagesPerSecond(double v) { imagesPerSecond = v; return this; }

        /** Queries by purpose: training, mapping, evaluation; the total is their sum. */
        public Builder queries(long training, long mappingPasses, long evaluation) {
            trainingQueries = training;
            mappingQueries = mappingPasses;
            evaluationQueries = evaluation;
            queries = training + mappingPasses + evaluation;
            return this;
        }

        /** Queries by purpose as {@link FitState} counts them: training, mapping, evaluation. */
        public Builder queries(long[] byPurpose) {
            return queries(byPurpose[FitState.TRAINING], byPurpose[FitState.MAPPING], byPurpose[FitState.EVALUATION]);
        }

        /** The total of queries, where it is not the sum of the purposes (results of older versions). */
        public Builder totalQueries(long v) { queries = v; return this; }

        public Builder peakRssMegabytes(double v) { peakRssMegabytes = v; return this; }

        public Builder method(String v) { method = v; return this; }

        public Builder testAccuracyAtBestVal(double v) { testAccuracyAtBestVal = v; return this; }

        public Builder bestEpoch(int v) { bestEpoch = v; return this; }

        public Builder finalTrainLoss(Double v) { finalTrainLoss = v; return this; }

        /** Unreadable images left out; none: null, so result.json stays as before. */
        public Builder skippedImages(List<String> v) {
            skippedImages = v == null || v.isEmpty() ? null : List.copyOf(v);
            return this;
        }

        public TrainingResult build() {
            return new TrainingResult(status, message, testAccuracy, testLoss, bestValAccuracy, trainableParameters,
                    sourceParameters, wallSeconds, epochs, seed, program, mapping, trainer, source, target, device,
                    imagesPerSecond, queries, peakRssMegabytes, testConfusion, method, testAccuracyAtBestVal, bestEpoch,
                    trainingQueries, mappingQueries, evaluationQueries, finalTrainLoss, skippedImages, zeroShot);
        }
    }
}
