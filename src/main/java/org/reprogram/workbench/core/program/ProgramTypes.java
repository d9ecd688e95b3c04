package org.reprogram.workbench.core.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.reprogram.workbench.core.param.ValueType;

/**
 * The registered input programs ({@link ServiceLoader}, in the order of the services file; a jar on
 * the class path can add its own), looked up by id.
 */
public final class ProgramTypes {

    private static final Map<String, ProgramType> TYPES = load(ProgramTypes.class.getClassLoader());

    private ProgramTypes() {}

    /**
     * The types that the {@code META-INF/services/org.reprogram.workbench.core.program.ProgramType} files
     * LOADER sees register, by id, in the order of the files and their lines (the build's file first,
     * then a plug-in jar's); an {@link IllegalStateException} when two share an id.
     */
    static Map<String, ProgramType> load(ClassLoader loader) {
        Map<String, ProgramType> m = new LinkedHashMap<>();
        for (ProgramType t : ServiceLoader.load(ProgramType.class, loader)) {
            if (m.putIfAbsent(t.id(), t) != null) {
                throw new IllegalStateException("two input programs registered as '" + t.id() + "'");
            }
        }
        return m;
    }

    /** Every registered program, in registration order. */
    public static List<ProgramType> all() {
        return new ArrayList<>(TYPES.values());
    }

    /** Every id ("pad", "full", …). */
    public static List<String> ids() {
        return new ArrayList<>(TYPES.keySet());
    }

    /** The program with id ID (case ignored), or null. */
    public static ProgramType find(String id) {
        if (id == null) {
            return null;
        }
        ProgramType t = TYPES.get(id.trim());
        if (t != null) {
            return t;
        }
        return TYPES.values().stream().filter(p -> p.id().equalsIgnoreCase(id.trim())).findFirst().orElse(null);
    }

    /** The program with id ID; an {@link IllegalArgumentException} listing the ids when there is none. */
    public static ProgramType get(String id) {
        ProgramType t = find(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown program '" + id + "' (use " + ValueType.orList(ids()) + ")");
        }
        return t;
    }
}
