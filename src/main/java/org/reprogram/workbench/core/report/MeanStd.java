package org.reprogram.workbench.core.report;

/**
 * The mean and the sample standard deviation (divisor n - 1) of the values that are numbers.
 *
 * @param n how many values were numbers (NaN values are left out: a run without a result)
 * @param mean their mean, NaN when n = 0
 * @param std their sample standard deviation, NaN when n < 2 (one value says nothing about spread)
 */
public record MeanStd(int n, double mean, double std) {

    /** The statistics of VALUES, leaving out NaN and infinite ones. */
    public static MeanStd of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new MeanStd(0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanStd(1, mean, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new MeanStd(n, mean, Math.sqrt(squares / (n - 1)));
    }
}
