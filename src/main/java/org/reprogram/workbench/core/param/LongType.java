package org.reprogram.workbench.core.param;

/** Any 64-bit whole number. */
public record LongType() implements ValueType<Long> {
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
