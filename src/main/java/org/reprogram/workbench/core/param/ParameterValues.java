package org.reprogram.workbench.core.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a method's own settings (a program's inner size, a mapping's sources per class),
 * keyed by {@link Parameter}: typed on the way in and out, immutable, and a setting that was never
 * given reads as its parameter's default. Keeps values of settings that do not apply to the current
 * method, so switching a program back and forth keeps what was typed.
 */
public final class ParameterValues {

    private static final ParameterValues EMPTY = new ParameterValues(Map.of());

    private final Map<String, Object> values;

    private ParameterValues(Map<String, Object> values) {
        this.values = values;
    }

    public static ParameterValues empty() {
        return EMPTY;
    }

    /** P's value, or its default when none was given. */
    public <T> T get(Parameter<T> p) {
        Object v = values.get(p.id());
        return v == null ? p.defaultValue() : p.type().javaType().cast(v);
    }

    /**
     * A copy with P set to VALUE; null or the default removes it (values equal to the defaults are
     * not kept, so two sets of values are equal exactly when every setting reads the same).
     */
    public <T> ParameterValues with(Parameter<T> p, T value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        if (value == null || value.equals(p.defaultValue())) {
            m.remove(p.id());
        } else {
            m.put(p.id(), p.type().javaType().cast(value));
        }
        return new ParameterValues(Collections.unmodifiableMap(m));
    }

    /** The values that differ from their defaults, by parameter id, in the order they were set. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
