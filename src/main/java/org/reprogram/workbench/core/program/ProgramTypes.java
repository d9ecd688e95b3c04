package org.reprogram.workbench.core.program;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.reprogram.workbench.core.param.MethodRegistry;

/**
 * The registered input programs ({@link ServiceLoader}, in the order of the services file; a jar on
 * the class path can add its own), looked up by id.
 */
public final class ProgramTypes {

    private static final MethodRegistry<ProgramType> TYPES =
            MethodRegistry.load(ProgramType.class, ProgramTypes.class.getClassLoader(), "program",
                    "input program");

    private ProgramTypes() {}

    /**
     * The types that the {@code META-INF/services/org.reprogram.workbench.core.program.ProgramType} files
     * LOADER sees register, by id, in the order of the files and their lines (the build's file first,
     * then a plug-in jar's); an {@link IllegalStateException} when two share an id.
     */
    static Map<String, ProgramType> load(ClassLoader loader) {
        return MethodRegistry.load(ProgramType.class, loader, "program", "input program").byId();
    }

    /** Every registered program, in registration order. */
    public static List<ProgramType> all() {
        return TYPES.all();
    }

    /** Every id ("pad", "full", …). */
    public static List<String> ids() {
        return TYPES.ids();
    }

    /** The program with id ID (case ignored), or null. */
    public static ProgramType find(String id) {
        return TYPES.find(id);
    }

    /** The program with id ID; an {@link IllegalArgumentException} listing the ids when there is none. */
    public static ProgramType get(String id) {
        return TYPES.get(id);
    }
}
