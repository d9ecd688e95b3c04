package org.reprogram.workbench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;

/** Parses the setup's text fields, collecting a readable problem per bad value. */
final class Fields {

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    int integer(String name, StringProperty text) {
        try {
            return Integer.parseInt(trim(text));
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + text.get() + "' is not a whole number");
            return 0;
        }
    }

    long longValue(String name, StringProperty text) {
        try {
            return Long.parseLong(trim(text));
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + text.get() + "' is not a whole number");
            return 0;
        }
    }

    double decimal(String name, StringProperty text) {
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

    /** The seed as typed, or 0 while it is not a number (the problem is reported elsewhere). */
    static long parseLong(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A double without needless digits ("0.05", "1e-05"). */
    static String format(double v) {
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
