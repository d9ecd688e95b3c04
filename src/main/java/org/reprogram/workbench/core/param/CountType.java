package org.reprogram.workbench.core.param;

/** A count up to what can be used, with the value in its messages. */
public record CountType(int max, String whatMax) implements ValueType<Integer> {
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
