package org.reprogram.workbench.core.study.report;

import java.math.BigDecimal;
import java.util.Locale;
import org.reprogram.workbench.core.study.Estimate;

/**
 * How the report writes numbers: accuracies with 3 decimals, counts as whole numbers, seconds
 * with 1 decimal, all in Locale.ROOT; a value that is not a number is written as a dash (text) or
 * left empty (CSV), never as "NaN".
 */
final class ReportFormat {

    /** What a table shows where there is no value (an interval with n = 1). */
    static final String NONE = "–";

    private ReportFormat() {}

    /** X with 3 decimals, a signed zero as 0.000; NONE for NaN. */
    static String num(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        String s = String.format(Locale.ROOT, "%.3f", x);
        return s.equals("-0.000") ? "0.000" : s;
    }

    /** X with 3 decimals and its sign (+0.040, -0.010); NONE for NaN. */
    static String signed(double x) {
        String s = num(x);
        return x > 0 && !s.equals("0.000") ? "+" + s : s;
    }

    /** A mean count (parameters, queries): whole when it is whole, else 1 decimal. */
    static String count(double x) {
        if (!Double.isFinite(x)) {
            return NONE;
        }
        return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    /** Seconds with 1 decimal. */
    static String seconds(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : NONE;
    }

    /** "0.820 ± 0.050" (mean ± sd), "0.820" for n = 1. */
    static String meanSd(Estimate e) {
        return e.hasInterval() ? num(e.mean()) + " ± " + num(e.sd()) : num(e.mean());
    }

    /** "[0.770, 0.870]", NONE for n = 1. */
    static String interval(Estimate e) {
        return e.hasInterval() ? e.intervalInWords() : NONE;
    }

    /** X exactly (shortest text that reads back as X, no exponent) for CSV; "" for NaN. */
    static String exact(double x) {
        if (!Double.isFinite(x)) {
            return "";
        }
        String s = BigDecimal.valueOf(x).toPlainString();
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
