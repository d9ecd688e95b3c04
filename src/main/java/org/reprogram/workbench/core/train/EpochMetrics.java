package org.reprogram.workbench.core.train;

/**
 * One epoch's figures (a row of metrics.csv).
 *
 * @param epoch 1-based epoch
 * @param trainLoss mean training loss
 * @param trainAccuracy training accuracy during the epoch (0..1)
 * @param valLoss validation loss (NaN without validation data)
 * @param valAccuracy validation accuracy (NaN without validation data)
 * @param learningRate learning rate at the end of the epoch
 * @param imagesPerSecond training throughput of the epoch
 * @param elapsedSeconds wall time since the start of training
 * @param queries cumulative model queries (black-box)
 * @param inputScale the learned input scale s at the end of the epoch (scale program), else NaN
 * @param warning collapse/NaN warning, or null
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double valLoss,
        double valAccuracy,
        double learningRate,
        double imagesPerSecond,
        double elapsedSeconds,
        long queries,
        double inputScale,
        String warning) {

    public static final String CSV_HEADER =
            "epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,images_per_second,elapsed_seconds,queries,input_scale";

    public String toCsv() {
        return epoch + "," + f(trainLoss) + "," + f(trainAccuracy) + "," + f(valLoss) + "," + f(valAccuracy) + ","
                + f(learningRate) + "," + String.format(java.util.Locale.ROOT, "%.1f", imagesPerSecond) + ","
                + String.format(java.util.Locale.ROOT, "%.3f", elapsedSeconds) + "," + queries + "," + f(inputScale);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    /** Parses a row written by {@link #toCsv()}. */
    public static EpochMetrics fromCsv(String line) {
        String[] p = line.split(",", -1);
        return new EpochMetrics(Integer.parseInt(p[0]), d(p[1]), d(p[2]), d(p[3]), d(p[4]), d(p[5]), d(p[6]), d(p[7]),
                p.length > 8 && !p[8].isEmpty() ? Long.parseLong(p[8]) : 0, p.length > 9 ? d(p[9]) : Double.NaN, null);
    }

    private static double d(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
