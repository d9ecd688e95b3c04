package org.reprogram.workbench.core.param;

/** Whole numbers in a range. */
public record IntegerType(int min, int max) implements ValueType<Integer> {
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
