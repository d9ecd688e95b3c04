package org.reprogram.workbench.core.param;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registered types of one kind (input programs, label mappings): what the
 * {@code META-INF/services/<interface>} files a class loader sees register, by id, in the order of
 * the files and their lines (the build's file first, then a plug-in jar's), looked up by id.
 *
 * @param <T> the kind of type
 */
public final class MethodRegistry<T extends MethodType> {

    private final String kind;
    private final Map<String, T> types;

    private MethodRegistry(String kind, Map<String, T> types) {
        this.kind = kind;
        this.types = types;
    }

    /**
     * The TYPE implementations LOADER's services files register; KIND names one in messages ("program"),
     * NOUN in full ("input program"); an {@link IllegalStateException} when two share an id.
     */
    public static <T extends MethodType> MethodRegistry<T> load(Class<T> type, ClassLoader loader, String kind,
            String noun) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : ServiceLoader.load(type, loader)) {
            if (m.putIfAbsent(t.id(), t) != null) {
                throw new IllegalStateException("two " + noun + "s registered as '" + t.id() + "'");
            }
        }
        return new MethodRegistry<>(kind, m);
    }

    /** Every registered type, in registration order. */
    public List<T> all() {
        return new ArrayList<>(types.values());
    }

    /** Every id, in registration order. */
    public List<String> ids() {
        return new ArrayList<>(types.keySet());
    }

    /** The type with id ID (case ignored), or null. */
    public T find(String id) {
        if (id == null) {
            return null;
        }
        T t = types.get(id.trim());
        return t != null ? t : types.values().stream().filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElse(null);
    }

    /** The type with id ID; an {@link IllegalArgumentException} listing the ids when there is none. */
    public T get(String id) {
        T t = find(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + id + "' (use " + ValueType.orList(ids()) + ")");
        }
        return t;
    }

    /** The types by id (tests). */
    public Map<String, T> byId() {
        return new LinkedHashMap<>(types);
    }
}
