package org.reprogram.workbench.core.param;

/** Finite real numbers in a range. */
public record RealType(double min, boolean minInclusive, double max, boolean maxInclusive) implements ValueType<Double> {
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
        return ValueType.number(value);
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
                    ? (min == 0 ? "0 or more" : "at least " + ValueType.number(min)) : "more than " + ValueType.number(min);
        }
        return (minInclusive ? (maxInclusive ? "from " : "at least ") : "above ") + ValueType.number(min)
                + (maxInclusive ? " to " : " and below ")
                + ValueType.number(max);
    }

    @Override
    public String allowed() {
        if (Double.isInfinite(max)) {
            return (minInclusive ? ">= " : "> ") + ValueType.number(min);
        }
        return (minInclusive ? "[" : "(") + ValueType.number(min) + ", " + ValueType.number(max) + (maxInclusive ? "]" : ")");
    }
}
