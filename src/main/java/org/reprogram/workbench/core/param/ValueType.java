package org.reprogram.workbench.core.param;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The kind of value a {@link Parameter} holds: how text becomes a value (CLI option, form field,
 * config.json, study spec) and back, and the allowed range or choices, checked in one place.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    Class<T> javaType();

    /** VALUE from TEXT; an {@link IllegalArgumentException} whose message completes "{} …" ("must be a whole number"). */
    T parse(String text);

    /** VALUE as text that {@link #parse} reads back ("0.05", "tanh", "true"). */
    String format(T value);

    /** A problem message ("{} must be at least 1") when VALUE is outside the allowed range or choices, else null. */
    String check(T value);

    /** The allowed values in words for help texts ("1..1000", "pad, full, scale or smm", "true or false"). */
    String allowed();

    /** The choices of a choice type ({@link #choices}), else empty. */
    default List<String> choices() {
        return List.of();
    }

    /** Whole numbers in [MIN, MAX] (MAX may be {@link Integer#MAX_VALUE}: no upper bound). */
    static ValueType<Integer> integer(int min, int max) {
        return new IntegerType(min, max);
    }

    /**
     * Counts 0..MAX where MAX is what something can use: a larger count reads "{} N is more than
     * WHATMAX" ("this machine can use (2 available cores, …)"), a negative one "{} N is negative".
     */
    static ValueType<Integer> count(int max, String whatMax) {
        return new CountType(max, whatMax);
    }

    /** Sizes in bytes written "512M", "2G", "64k", "1500000" (bytes) or "auto" (0: a default chosen elsewhere). */
    static ValueType<Long> byteSize() {
        return new ByteSizeType();
    }

    /** 64-bit whole numbers (seeds): any value. */
    static ValueType<Long> anyLong() {
        return new LongType();
    }

    /**
     * Finite real numbers from MIN to MAX; MININCLUSIVE / MAXINCLUSIVE say whether the ends are
     * allowed (infinite ends: no bound).
     */
    static ValueType<Double> real(double min, boolean minInclusive, double max, boolean maxInclusive) {
        return new RealType(min, minInclusive, max, maxInclusive);
    }

    static ValueType<Boolean> bool() {
        return new BooleanType();
    }

    /** Free text; BLANKALLOWED says whether an empty value is valid. */
    static ValueType<String> text(boolean blankAllowed) {
        return new TextType(blankAllowed);
    }

    /** One of IDS (text values, e.g. program ids); matched ignoring case. */
    static ValueType<String> choice(List<String> ids) {
        return new ChoiceType<>(String.class, ids, Function.identity(), ids::get);
    }

    /** One of an enum's constants, written as ID(constant). */
    static <E extends Enum<E>> ValueType<E> choice(Class<E> type, Function<E, String> id) {
        E[] constants = type.getEnumConstants();
        List<String> ids = Arrays.stream(constants).map(id).toList();
        return new ChoiceType<>(type, ids, id, i -> constants[i]);
    }

    /** "0.05", "0.0001", "1.5", "0": no exponent, no trailing zeros. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** "a, b or c". */
    static String orList(List<String> ids) {
        if (ids.size() <= 1) {
            return String.join("", ids);
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    /** Whole numbers in a range. */
    record IntegerType(int min, int max) implements ValueType<Integer> {
        @Override
        public Class<Integer> javaType() {
            return Integer.class;
        }

        @Override
        public Integer parse(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("{} must be a whole number (got '" + text + "')");
            }
        }

        @Override
        public String format(Integer value) {
            return Integer.toString(value);
        }

        @Override
        public String check(Integer v) {
            if (v < min) {
                return max == Integer.MAX_VALUE ? "{} must be at least " + min : "{} must be in " + allowed();
            }
            return v > max ? "{} must be at most " + max : null;
        }

        @Override
        public String allowed() {
            return max == Integer.MAX_VALUE ? min + " or more" : min + ".." + max;
        }
    }

    /** A count up to what can be used, with the value in its messages. */
    record CountType(int max, String whatMax) implements ValueType<Integer> {
        @Override
        public Class<Integer> javaType() {
            return Integer.class;
        }

        @Override
        public Integer parse(String text) {
            return new IntegerType(Integer.MIN_VALUE, Integer.MAX_VALUE).parse(text);
        }

        @Override
        public String format(Integer value) {
            return Integer.toString(value);
        }

        @Override
        public String check(Integer v) {
            if (v < 0) {
                return "{} " + v + " is negative";
            }
            return v > max ? "{} " + v + " is more than " + whatMax : null;
        }

        @Override
        public String allowed() {
            return "0.." + max;
        }
    }

    /** Sizes in bytes; 0 reads and writes as "auto". */
    record ByteSizeType() implements ValueType<Long> {
        @Override
        public Class<Long> javaType() {
            return Long.class;
        }

        @Override
        public Long parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.equals("auto")) {
                return 0L;
            }
            long unit;
            char last = t.charAt(t.length() - 1);
            if (last == 'b') {
                t = t.substring(0, t.length() - 1);
                last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            }
            switch (last) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
            String num = unit == 1 ? t : t.substring(0, t.length() - 1);
            try {
                double v = Double.parseDouble(num);
                if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                return (long) (v * unit);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("{}: '" + text + "' is not a size");
            }
        }

        @Override
        public String format(Long v) {
            if (v == 0) {
                return "auto";
            }
            for (String u : new String[] {"G", "M", "K"}) {
                long unit = u.equals("G") ? 1L << 30 : u.equals("M") ? 1L << 20 : 1L << 10;
                if (v % unit == 0) {
                    return v / unit + u;
                }
            }
            return Long.toString(v);
        }

        @Override
        public String check(Long v) {
            return v < 0 ? "{}: '" + v + "' is not a size" : null;
        }

        @Override
        public String allowed() {
            return "auto, or a size such as 512M or 2G";
        }
    }

    /** Any 64-bit whole number. */
    record LongType() implements ValueType<Long> {
        @Override
        public Class<Long> javaType() {
            return Long.class;
        }

        @Override
        public Long parse(String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("{} must be a whole number (got '" + text + "')");
            }
        }

        @Override
        public String format(Long value) {
            return Long.toString(value);
        }

        @Override
        public String check(Long value) {
            return null;
        }

        @Override
        public String allowed() {
            return "any whole number";
        }
    }

    /** Finite real numbers in a range. */
    record RealType(double min, boolean minInclusive, double max, boolean maxInclusive) implements ValueType<Double> {
        @Override
        public Class<Double> javaType() {
            return Double.class;
        }

        @Override
        public Double parse(String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException | NullPointerException e) {
                throw new IllegalArgumentException("{} must be a number (got '" + text + "')");
            }
        }

        @Override
        public String format(Double value) {
            return number(value);
        }

        @Override
        public String check(Double v) {
            boolean low = Double.isInfinite(min) || (minInclusive ? v >= min : v > min);
            boolean high = Double.isInfinite(max) || (maxInclusive ? v <= max : v < max);
            if (Double.isNaN(v) || Double.isInfinite(v) || !low || !high) {
                return "{} must be " + inWords();
            }
            return null;
        }

        /** The range in words: "a positive number", "0 or more", "at least 0 and below 0.9", "from 0.1 to 5". */
        private String inWords() {
            if (Double.isInfinite(max)) {
                return min == 0 && !minInclusive ? "a positive number" : minInclusive
                        ? (min == 0 ? "0 or more" : "at least " + number(min)) : "more than " + number(min);
            }
            return (minInclusive ? (maxInclusive ? "from " : "at least ") : "above ") + number(min)
                    + (maxInclusive ? " to " : " and below ")
                    + number(max);
        }

        @Override
        public String allowed() {
            if (Double.isInfinite(max)) {
                return (minInclusive ? ">= " : "> ") + number(min);
            }
            return (minInclusive ? "[" : "(") + number(min) + ", " + number(max) + (maxInclusive ? "]" : ")");
        }
    }

    /** true or false. */
    record BooleanType() implements ValueType<Boolean> {
        @Override
        public Class<Boolean> javaType() {
            return Boolean.class;
        }

        @Override
        public Boolean parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Boolean.parseBoolean(t);
            }
            throw new IllegalArgumentException("{} must be true or false (got '" + text + "')");
        }

        @Override
        public String format(Boolean value) {
            return value.toString();
        }

        @Override
        public String check(Boolean value) {
            return null;
        }

        @Override
        public String allowed() {
            return "true or false";
        }
    }

    /** Free text. */
    record TextType(boolean blankAllowed) implements ValueType<String> {
        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public String parse(String text) {
            return text == null ? "" : text.trim();
        }

        @Override
        public String format(String value) {
            return value;
        }

        @Override
        public String check(String value) {
            return !blankAllowed && (value == null || value.isBlank()) ? "{} must be given" : null;
        }

        @Override
        public String allowed() {
            return "text";
        }
    }

    /** One of a fixed list of ids. */
    final class ChoiceType<T> implements ValueType<T> {
        private final Class<T> type;
        private final List<String> ids;
        private final Function<T, String> id;
        private final java.util.function.IntFunction<T> value;

        ChoiceType(Class<T> type, List<String> ids, Function<T, String> id, java.util.function.IntFunction<T> value) {
            this.type = type;
            this.ids = List.copyOf(ids);
            this.id = id;
            this.value = value;
        }

        @Override
        public Class<T> javaType() {
            return type;
        }

        @Override
        public T parse(String text) {
            String t = text == null ? "" : text.trim();
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).equalsIgnoreCase(t)) {
                    return value.apply(i);
                }
            }
            throw new IllegalArgumentException("{} must be " + allowed() + " (got '" + text + "')");
        }

        @Override
        public String format(T v) {
            return id.apply(v);
        }

        @Override
        public String check(T v) {
            return v == null || !ids.contains(id.apply(v)) ? "{} must be " + allowed() : null;
        }

        @Override
        public String allowed() {
            return orList(ids);
        }

        @Override
        public List<String> choices() {
            return ids;
        }
    }
}
