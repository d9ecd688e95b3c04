package org.reprogram.workbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;

/** Parses the setup's text fields, collecting a readable problem per bad value. */
public final class Fields {

    private final List<String> problems = new ArrayList<>();

    public List<String> problems() {
        return problems;
    }

    public int integer(String name, StringProperty text) {
        try {
            return Integer.parseInt(trim(text));
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + text.get() + "' is not a whole number");
            return 0;
        }
    }

    public long longValue(String name, StringProperty text) {
        try {
            return Long.parseLong(trim(text));
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + text.get() + "' is not a whole number");
            return 0;
        }
    }

    public double decimal(String name, StringProperty text) {
        try {
            double v = Double.parseDouble(trim(text));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + text.get() + "' is not a number");
            return 0;
        }
    }

    /** The value of a field the method does not use: as typed when it is a valid number, else FALLBACK. */
    public static int lenient(StringProperty text, int fallback, IntPredicate valid) {
        try {
            int v = Integer.parseInt(trim(text));
            return valid.test(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static double lenientDecimal(StringProperty text, double fallback, DoublePredicate valid) {
        try {
            double v = Double.parseDouble(trim(text));
            return Double.isFinite(v) && valid.test(v) ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * An engine message in the GUI's words: " (--lr)" goes, "--mapping blm" becomes "mapping blm",
     * "--inner-size" becomes "inner size".
     */
    public static String words(String engineText) {
        if (engineText == null) {
            return null;
        }
        String s = engineText.replaceAll(" \\(--[a-z-]+\\)", "");
        Matcher m = Pattern.compile("--([a-z]+(?:-[a-z]+)*)").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group(1).replace('-', ' '));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The seed as typed, or 0 while it is not a number (the problem is reported elsewhere). */
    public static long parseLong(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A double without needless digits ("0.05", "1e-05"). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains("e") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String trim(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }
}
