package org.reprogram.workbench.ui.common;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.reprogram.workbench.core.param.Problem;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;

/**
 * Parses the setup's text fields, collecting one readable problem per field (the first: a value
 * that is no number wins over the engine's range check of it), in the field's own words; and
 * turns engine texts into the GUI's words.
 */
public final class Fields {

    /** What the shots field shows for 0 (every training image). */
    public static final String ALL = "all";

    private final Map<SetupField, String> problems = new EnumMap<>(SetupField.class);
    private final List<String> others = new ArrayList<>();

    /** The problem of each field, in form order ("Epochs: 'zero' is not a whole number"). */
    public Map<SetupField, String> problems() {
        return problems;
    }

    /** Engine problems that name no field (none is known; kept so that nothing is ever dropped). */
    public List<String> others() {
        return others;
    }

    /** Records MESSAGE for FIELD unless the field has a problem already. */
    public void add(SetupField field, String message) {
        if (field == null) {
            others.add(message);
            return;
        }
        problems.putIfAbsent(field, message);
    }

    /** Records MESSAGE for FIELD in place of an earlier one (a more specific cause). */
    public void replace(SetupField field, String message) {
        problems.put(field, message);
    }

    public int integer(SetupField field, StringProperty text) {
        try {
            return Integer.parseInt(trim(text));
        } catch (NumberFormatException e) {
            add(field, field.subject() + ": '" + text.get() + "' is not a whole number");
            return 0;
        }
    }

    /** A count where "all" (or nothing) means 0, e.g. the shots per class. */
    public int countOrAll(SetupField field, StringProperty text) {
        String s = trim(text);
        if (s.isEmpty() || s.equalsIgnoreCase(ALL)) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            add(field, field.subject() + ": '" + text.get() + "' is neither " + ALL + " nor a whole number");
            return 0;
        }
    }

    public long longValue(SetupField field, StringProperty text) {
        try {
            return Long.parseLong(trim(text));
        } catch (NumberFormatException e) {
            add(field, field.subject() + ": '" + text.get() + "' is not a whole number");
            return 0;
        }
    }

    public double decimal(SetupField field, StringProperty text) {
        try {
            double v = Double.parseDouble(trim(text));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            add(field, field.subject() + ": '" + text.get() + "' is not a number");
            return 0;
        }
    }

    /**
     * Adds the engine's value problems ({@code RunSpec.problems()}), each to the field of the setting
     * it names (by its id, never by its text), worded with that field's label: "Validation share must
     * be at least 0 and below 0.9".
     */
    public void engine(List<Problem> engineProblems) {
        for (Problem p : engineProblems) {
            SetupField f = SetupField.of(p.parameterId());
            add(f, capitalized(p.text(f == null ? null : f.subject(), "")));
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

    /** An option as the engine writes it: "--val-fraction", not the "--" inside a name such as "my--run". */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--([a-z]+(?:-[a-z]+)*)");

    /**
     * An engine text in the GUI's words: " (--lr)" goes; an option becomes the label of its field
     * in the setup ("--val-fraction" becomes "validation share", "--trainer blackbox" becomes
     * "trainer black-box", "--shots 0" becomes "shots per class all"), "--out" becomes "output",
     * other options lose their dashes ("--threads" becomes "threads");
     * intervals and the class counts K_s, K_t are spelt out.
     */
    public static String words(String engineText) {
        if (engineText == null) {
            return null;
        }
        String s = engineText.replaceAll(" \\(--[a-z-]+\\)", "")
                .replace("--trainer blackbox", "--trainer black-box").replace("--trainer whitebox", "--trainer white-box")
                .replaceAll("--shots 0(?![\\d.])", "--shots " + ALL)
                .replaceAll("(?<![\\w-])--out(?![\\w-])", "output");
        Matcher m = OPTION.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            SetupField f = SetupField.ofOption(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(f != null ? f.inSentence() : m.group(1).replace('-', ' ')));
        }
        m.appendTail(out);
        return out.toString()
                .replaceAll("must be in \\[([^,\\]]+), ([^)\\]]+)\\)", "must be at least $1 and below $2")
                .replaceAll("must be in \\[([^,\\]]+), ([^)\\]]+)]", "must be from $1 to $2")
                .replace("must be >= 0", "must be 0 or more")
                .replace("K_t <= K_s", "no more target classes than the source model has classes")
                .replace("K_s -> K_t", "source classes -> target classes");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
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
