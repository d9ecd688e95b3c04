package org.reprogram.workbench.core.mapping;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.reprogram.workbench.core.param.MethodRegistry;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * The registered label mappings ({@link ServiceLoader}, in the order of the services file; a jar on
 * the class path can add its own), looked up by id.
 */
public final class MappingTypes {

    private static final MethodRegistry<MappingType> TYPES =
            MethodRegistry.load(MappingType.class, MappingTypes.class.getClassLoader(), "mapping",
                    "label mapping");

    private MappingTypes() {}

    /**
     * The types that the {@code META-INF/services/org.reprogram.workbench.core.mapping.MappingType} files
     * LOADER sees register, by id, in the order of the files and their lines (the build's file first,
     * then a plug-in jar's); an {@link IllegalStateException} when two share an id.
     */
    static Map<String, MappingType> load(ClassLoader loader) {
        return MethodRegistry.load(MappingType.class, loader, "mapping", "label mapping").byId();
    }

    /** Every registered mapping, in registration order. */
    public static List<MappingType> all() {
        return TYPES.all();
    }

    /** Every id ("random", "flm", …). */
    public static List<String> ids() {
        return TYPES.ids();
    }

    /**
     * The class-count rule in words, from each mapping's capability ({@link MappingType#exclusiveSourcesPerTarget}
     * with its default settings): "random, flm, ilm and bar read each target class from its own source class(es),
     * so they need K_s ≥ K_t (× sources per class); linear, blm and blm+ work with any counts." The
     * mappings made of text ({@link MappingType#readsText}) are not in it: their source classes are prompts.
     */
    public static String classCountRule() {
        List<MappingType> classifier = all().stream().filter(t -> !t.readsText()).toList();
        List<MappingType> exclusive = classifier.stream()
                .filter(t -> t.exclusiveSourcesPerTarget(ParameterValues.empty()) > 0).toList();
        List<String> any = classifier.stream().filter(t -> !exclusive.contains(t)).map(MappingType::id).toList();
        boolean perClass = exclusive.stream().anyMatch(t -> t.parameters().contains(MappingSettings.SOURCES_PER_CLASS));
        String rule = exclusive.isEmpty() ? "" : and(exclusive.stream().map(MappingType::id).toList())
                + (exclusive.size() == 1 ? " reads" : " read") + " each target class from its own source class(es), so "
                + (exclusive.size() == 1 ? "it needs" : "they need") + " K_s ≥ K_t"
                + (perClass ? " (× sources per class)" : "");
        String free = any.isEmpty() ? "" : and(any) + (any.size() == 1 ? " works" : " work") + " with any counts";
        return rule.isEmpty() || free.isEmpty() ? rule + free + "." : rule + "; " + free + ".";
    }

    private static String and(List<String> ids) {
        return ids.size() <= 1 ? String.join("", ids)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /** The mapping with id ID (case ignored), or null. */
    public static MappingType find(String id) {
        return TYPES.find(id);
    }

    /** The mapping with id ID; an {@link IllegalArgumentException} listing the ids when there is none. */
    public static MappingType get(String id) {
        return TYPES.get(id);
    }
}
