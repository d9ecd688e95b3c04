package org.reprogram.workbench.core.param;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** One of a fixed list of ids. */
public final class ChoiceType<T> implements ValueType<T> {
    private final Class<T> type;
    private final List<String> ids;
    private final Function<T, String> id;
    private final IntFunction<T> value;

    ChoiceType(Class<T> type, List<String> ids, Function<T, String> id, IntFunction<T> value) {
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
        return ValueType.orList(ids);
    }

    @Override
    public List<String> choices() {
        return ids;
    }
}
