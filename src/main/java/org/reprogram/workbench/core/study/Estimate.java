package org.reprogram.workbench.core.study;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a sample with its sample standard deviation (divisor n - 1) and its 95 % confidence
 * interval from Student's t distribution: mean ± t(0.975, n - 1) * sd / sqrt(n), the quantile from
 * Apache Commons Math. With one value there is no spread and no interval ({@link #hasInterval()}
 * false, sd and bounds NaN, the text says "n = 1"); identical values give sd 0 and an interval of
 * zero width.
 *
 * @param n how many values
 * @param mean their mean (NaN when n = 0)
 * @param sd their sample standard deviation (NaN when n < 2)
 * @param low lower end of the 95 % interval (NaN when n < 2)
 * @param high upper end of the 95 % interval (NaN when n < 2)
 */
public record Estimate(int n, double mean, double sd, double low, double high) {

    /** Two-sided 95 %: the t quantile at 0.975. */
    public static final double QUANTILE = 0.975;

    /** The estimate from VALUES (all of them; callers leave out the ones that are not numbers). */
    public static Estimate of(double... values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        int n = values.length;
        if (n < 2) {
            return new Estimate(n, s.getMean(), Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = s.getStandardDeviation(); // bias-corrected: divisor n - 1
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Estimate(n, s.getMean(), sd, s.getMean() - half, s.getMean() + half);
    }

    /** t(0.975, DEGREES): the factor of the 95 % interval's half-width. */
    public static double tQuantile(int degrees) {
        return new TDistribution(degrees).inverseCumulativeProbability(QUANTILE);
    }

    /** True when there is an interval (n >= 2). */
    public boolean hasInterval() {
        return n >= 2;
    }

    /** Half the interval's width (0 with identical values), NaN without an interval. */
    public double halfWidth() {
        return hasInterval() ? (high - low) / 2 : Double.NaN;
    }

    /** True when the interval contains X (its ends included); false without an interval. */
    public boolean contains(double x) {
        return hasInterval() && low <= x && x <= high;
    }

    /** "0.820 ± 0.050 (95 % CI), n = 3", "0.820, n = 1" or "no values"; 3 decimals, Locale.ROOT. */
    public String inWords() {
        if (n == 0) {
            return "no values";
        }
        if (!hasInterval()) {
            return num(mean) + ", n = 1";
        }
        return num(mean) + " ± " + num(halfWidth()) + " (95 % CI), n = " + n;
    }

    /** "[0.010, 0.070]"; "" without an interval. */
    public String intervalInWords() {
        return hasInterval() ? "[" + num(low) + ", " + num(high) + "]" : "";
    }

    /** X with 3 decimals in Locale.ROOT, a signed zero written as 0.000. */
    static String num(double x) {
        String s = String.format(Locale.ROOT, "%.3f", x);
        return s.equals("-0.000") ? "0.000" : s;
    }
}
