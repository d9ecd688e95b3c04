package org.reprogram.workbench.core.param;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
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
}
