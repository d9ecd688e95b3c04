package org.reprogram.workbench.core.param;

import java.util.Locale;

/** true or false. */
public record BooleanType() implements ValueType<Boolean> {
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
