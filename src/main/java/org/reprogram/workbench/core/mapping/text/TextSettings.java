package org.reprogram.workbench.core.mapping.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprogram.workbench.core.model.Templates;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ValueType;

/**
 * The settings of the text label mappings, each declared once (CLI option, form field, config.json,
 * compare column and study spec key): the class names the prompts use, the template(s) and the
 * descriptions file.
 */
public final class TextSettings {

    private TextSettings() {}

    /** The template set that adds CLIP's 80 ImageNet templates after the template (ILM-VP's 81). */
    public static final String WITH_CLIP_80 = "ilm-vp-81";

    /** The one template alone. */
    public static final String ONE = "one";

    public static final Parameter<String> CLASS_NAMES = Parameter.of("mapping.class_names", ValueType.text(true))
            .label("Class names").column("class names")
            .help("the target's class names as the prompts say them, comma-separated in label order (empty: the"
                    + " target's folder names)").defaultValue("").build();

    public static final Parameter<String> TEMPLATE = Parameter.of("mapping.template", ValueType.text(false))
            .label("Template").help("prompt template; {} is replaced by the class name").defaultValue(Templates.DEFAULT)
            .check(t -> {
                String p = Templates.problem(t);
                return p == null ? null : "{} " + p.replace(Templates.SLOT, Problem.LITERAL_BRACES);
            }).fix("write the template with " + Problem.LITERAL_BRACES + " where the class name goes, e.g. \"a photo of"
                    + " a " + Problem.LITERAL_BRACES + ".\"").build();

    public static final Parameter<String> TEMPLATES = Parameter.of("mapping.templates",
            ValueType.choice(List.of(ONE, WITH_CLIP_80))).label("Templates")
            .help(ONE + ": the template alone; " + WITH_CLIP_80 + ": the template and CLIP's 80 ImageNet templates"
                    + " (ILM-VP's and AutoVP's CLIP setting)").defaultValue(ONE).build();

    public static final Parameter<String> DESCRIPTIONS = Parameter.of("mapping.descriptions", ValueType.text(true))
            .label("Descriptions file").column("descriptions")
            .help("JSON file: {\"class name\": [\"description\", ...], ...}, several descriptions per class (AttrVR)")
            .defaultValue("").build();

    public static final Parameter<Integer> TOP_K = Parameter.of("mapping.top_k", ValueType.integer(1, 1000))
            .label("Top k descriptions").column("top k")
            .help("a class's logit is the mean of its k most similar descriptions (AttrVR uses 3)").defaultValue(3)
            .build();

    /** The class names of SETTINGS' CLASS_NAMES, or TARGETCLASSES when it is empty. */
    public static List<String> classNames(ParameterValues settings, List<String> targetClasses) {
        List<String> given = parseNames(settings.get(CLASS_NAMES));
        return given.isEmpty() ? List.copyOf(targetClasses) : given;
    }

    /** The names in JOINED (CLASS_NAMES's text: comma-separated, stripped); empty when it is blank. */
    public static List<String> parseNames(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",", -1)).map(String::strip).toList();
    }

    /** The templates SETTINGS choose. */
    public static List<String> templates(ParameterValues settings) {
        String t = settings.get(TEMPLATE);
        return WITH_CLIP_80.equals(settings.get(TEMPLATES)) ? Templates.withClip80(t) : List.of(t);
    }

    /** Why NAMES cannot name TARGETCLASSES' classes (count, blank, repeated), or null. */
    static String classNamesProblem(List<String> names, List<String> targetClasses) {
        if (names.size() != targetClasses.size()) {
            return "{} lists " + names.size() + " name" + (names.size() == 1 ? "" : "s") + " but the target has "
                    + targetClasses.size() + " classes (" + String.join(", ", targetClasses) + ")";
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                return "{}: the name of class " + (i + 1) + " ('" + targetClasses.get(i) + "') is empty";
            }
            if (seen.contains(names.get(i))) {
                return "{} names two classes '" + names.get(i) + "'";
            }
            seen.add(names.get(i));
        }
        return null;
    }
}
