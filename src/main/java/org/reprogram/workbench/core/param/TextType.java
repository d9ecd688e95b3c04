package org.reprogram.workbench.core.param;

/** Free text. */
public record TextType(boolean blankAllowed) implements ValueType<String> {
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
