package org.reprogram.workbench.ui.common;

import org.reprogram.workbench.core.param.IntegerType;
import org.reprogram.workbench.core.param.LongType;
import org.reprogram.workbench.core.param.RealType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ValueType;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Setting;

/**
 * The setup form's text as values: each field read through its {@link Parameter}, one readable
 * problem per field kept by the setting's id (the first: a value that is no number wins over the
 * range check of it), in the words of the field's label. Problems reach their field by
 * {@link org.reprogram.workbench.core.param.Problem#parameterId()}, never by reading their text.
 */
public final class Fields {

    private final Map<String, String> problems = new LinkedHashMap<>();
    private final List<String> others = new ArrayList<>();

    /** The problem of each field by its setting's id ("Epochs: 'zero' is not a whole number"), in the order found. */
    public Map<String, String> problems() {
        return problems;
    }

    /** Problems that name no field of the form (kept so that nothing is ever dropped). */
    public List<String> others() {
        return others;
    }

    /** Records MESSAGE for the field of setting ID (null: no field) unless the field has a problem already. */
    public void add(String id, String message) {
        if (id == null) {
            others.add(message);
            return;
        }
        problems.putIfAbsent(id, message);
    }

    /** Records MESSAGE for the field of setting ID in place of an earlier one (a more specific cause). */
    public void replace(String id, String message) {
        problems.put(id, message);
    }

    /**
     * The value of PARAMETER typed as TEXT, not yet range-checked (the run's problems do that); null
     * with the field's problem recorded when it is no value of the type ("Learning rate: 'fast' is
     * not a number"). A setting whose 0 reads as a word ("all" shots) takes that word or nothing for 0.
     */
    public <T> T parse(Parameter<T> parameter, String text) {
        T v = read(parameter, text);
        if (v == null) {
            add(parameter.id(), parameter.label() + ": '" + text + "' is " + notA(parameter));
        }
        return v;
    }

    /** The value of PARAMETER typed as TEXT when it is valid on its own (type and range), else null. */
    public static <T> T lenient(Parameter<T> parameter, String text) {
        T v = read(parameter, text);
        return v == null || parameter.check(v) != null ? null : v;
    }

    /** VALUE as the form shows it: as on the command line, except a 0 that reads as a word ("all"). */
    public static <T> String show(Parameter<T> parameter, T value) {
        return parameter.display(value);
    }

    /** VALUE (of SETTING's type) as the form shows it. */
    public static <T> String showObject(Setting<T> setting, Object value) {
        return show(setting.parameter(), setting.parameter().type().javaType().cast(value));
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Parameter<T> parameter, String text) {
        String t = text == null ? "" : text.trim();
        String zero = zeroWord(parameter);
        if (zero != null && (t.isEmpty() || t.equalsIgnoreCase(zero))) {
            return (T) Integer.valueOf(0);
        }
        try {
            T v = parameter.type().parse(t);
            return v instanceof Double d && !Double.isFinite(d) ? null : v;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The word a 0 of PARAMETER reads as in the form ("all"), or null. */
    @SuppressWarnings("unchecked")
    private static String zeroWord(Parameter<?> parameter) {
        if (!(parameter.type() instanceof IntegerType)) {
            return null;
        }
        String z = ((Parameter<Integer>) parameter).display(0);
        return z.equals("0") ? null : z;
    }

    private static String notA(Parameter<?> parameter) {
        ValueType<?> type = parameter.type();
        if (type instanceof IntegerType || type instanceof LongType) {
            String zero = zeroWord(parameter);
            return zero == null ? "not a whole number" : "neither " + zero + " nor a whole number";
        }
        return type instanceof RealType ? "not a number" : "not " + type.allowed();
    }

    /** The seed as typed, or 0 while it is not a number (the problem is reported elsewhere). */
    public static long parseLong(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A free engine text (an I/O error, a notice; never a setting's problem, which comes as a
     * {@link org.reprogram.workbench.core.param.Problem}) in the GUI's words: " (--lr)" goes, a
     * registered option becomes its setting's label in a sentence ("--val-fraction" becomes
     * "validation share", "--shots 0" becomes "shots per class all"), "--out" becomes "output",
     * other options lose their dashes; K_t &lt;= K_s is spelt out. A plain scan, no pattern
     * matching; a "--" inside a word or path ("my--run") stays.
     */
    public static String words(String engineText) {
        if (engineText == null) {
            return null;
        }
        String s = engineText;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int at = s.indexOf("--", i);
            if (at < 0) {
                out.append(s, i, s.length());
                break;
            }
            int end = optionEnd(s, at + 2);
            boolean starts = at == 0 || !(Character.isLetterOrDigit(s.charAt(at - 1)) || s.charAt(at - 1) == '-'
                    || s.charAt(at - 1) == '_');
            if (!starts || end == at + 2) {
                out.append(s, i, end);
                i = end;
                continue;
            }
            String option = s.substring(at, end);
            if (at >= 2 && s.startsWith(" (", at - 2) && end < s.length() && s.charAt(end) == ')') {
                out.append(s, i, at - 2); // " (--lr)" after a name goes
                i = end + 1;
                continue;
            }
            out.append(s, i, at);
            i = end;
            Setting<?> setting = ParameterRegistry.byOption(option);
            if (setting == null) {
                out.append(option.equals("--out") ? "output" : option.substring(2).replace('-', ' '));
                continue;
            }
            out.append(setting.parameter().inSentence());
            if (i < s.length() && s.charAt(i) == ' ') {
                int valueEnd = i + 1;
                while (valueEnd < s.length() && !Character.isWhitespace(s.charAt(valueEnd))
                        && ",;)".indexOf(s.charAt(valueEnd)) < 0) {
                    valueEnd++;
                }
                String shown = shownValue(setting.parameter(), s.substring(i + 1, valueEnd));
                if (shown != null) {
                    out.append(' ').append(shown);
                    i = valueEnd;
                }
            }
        }
        return out.toString().replace("K_t <= K_s", "no more target classes than the source model has classes")
                .replace("K_s -> K_t", "source classes -> target classes");
    }

    /** "--inner-size" ends where its lower-case words and inner dashes end. */
    private static int optionEnd(String s, int from) {
        int end = from;
        while (end < s.length() && (Character.isLowerCase(s.charAt(end))
                || s.charAt(end) == '-' && end + 1 < s.length() && Character.isLowerCase(s.charAt(end + 1)))) {
            end++;
        }
        return end;
    }

    /** A value after an option as the form shows it ("0" shots: "all"), or null to leave it as written. */
    private static <T> String shownValue(Parameter<T> parameter, String text) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        try {
            String shown = show(parameter, parameter.type().parse(t));
            return shown.equals(t) ? null : shown + text.substring(t.length());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** TEXT with its first letter in capitals. */
    public static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
