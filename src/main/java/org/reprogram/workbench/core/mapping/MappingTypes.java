package org.reprogram.workbench.core.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.reprogram.workbench.core.param.ValueType;

/**
 * The registered label mappings ({@link ServiceLoader}, in the order of the services file; a jar on
 * the class path can add its own), looked up by id.
 */
public final class MappingTypes {

    private static final Map<String, MappingType> TYPES = load();

    private MappingTypes() {}

    private static Map<String, MappingType> load() {
        Map<String, MappingType> m = new LinkedHashMap<>();
        for (MappingType t : ServiceLoader.load(MappingType.class, MappingTypes.class.getClassLoader())) {
            if (m.putIfAbsent(t.id(), t) != null) {
                throw new IllegalStateException("two label mappings registered as '" + t.id() + "'");
            }
        }
        return m;
    }

    /** Every registered mapping, in registration order. */
    public static List<MappingType> all() {
        return new ArrayList<>(TYPES.values());
    }

    /** Every id ("random", "flm", …). */
    public static List<String> ids() {
        return new ArrayList<>(TYPES.keySet());
    }

    /** The mapping with id ID (case ignored), or null. */
    public static MappingType find(String id) {
        if (id == null) {
            return null;
        }
        MappingType t = TYPES.get(id.trim());
        if (t != null) {
            return t;
        }
        return TYPES.values().stream().filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst().orElse(null);
    }

    /** The mapping with id ID; an {@link IllegalArgumentException} listing the ids when there is none. */
    public static MappingType get(String id) {
        MappingType t = find(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown mapping '" + id + "' (use " + ValueType.orList(ids()) + ")");
        }
        return t;
    }
}
