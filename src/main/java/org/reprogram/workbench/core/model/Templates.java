package org.reprogram.workbench.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompt templates: "{}" stands for the class name. The default is ILM-VP's {@code DEFAULT_TEMPLATE}
 * and the ensemble is CLIP's 80 ImageNet templates as ILM-VP lists them ({@code ENSEMBLE_TEMPLATES}
 * in OPTML-Group/ILM-VP {@code tools/clip/templates.py}, copied into {@code clip-imagenet-80.txt});
 * ILM-VP's CLIP experiments and AutoVP's CLIP mapping use the default followed by the 80: 81 templates.
 */
public final class Templates {

    /** ILM-VP's default template. */
    public static final String DEFAULT = "This is a photo of a {}.";

    /** What a template holds in place of the class name. */
    public static final String SLOT = "{}";

    private static final List<String> CLIP_80 = load("clip-imagenet-80.txt");

    private Templates() {}

    /** CLIP's 80 ImageNet templates, in ILM-VP's order. */
    public static List<String> clip80() {
        return CLIP_80;
    }

    /** FIRST followed by CLIP's 80 (ILM-VP's {@code [DEFAULT_TEMPLATE] + ENSEMBLE_TEMPLATES} when FIRST is the default). */
    public static List<String> withClip80(String first) {
        List<String> out = new ArrayList<>();
        out.add(first);
        CLIP_80.stream().filter(t -> !t.equals(first)).forEach(out::add);
        return List.copyOf(out);
    }

    /** TEMPLATE with CLASSNAME in its slot. */
    public static String fill(String template, String className) {
        return template.replace(SLOT, className);
    }

    /** Why TEMPLATE cannot make prompts, or null: it must hold the slot "{}" exactly once. */
    public static String problem(String template) {
        if (template == null || template.isBlank()) {
            return "is empty";
        }
        int first = template.indexOf(SLOT);
        if (first < 0) {
            return "'" + template + "' has no {} where the class name goes";
        }
        if (template.indexOf(SLOT, first + 1) >= 0) {
            return "'" + template + "' has {} more than once";
        }
        return null;
    }

    private static List<String> load(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
