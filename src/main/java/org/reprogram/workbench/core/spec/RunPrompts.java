package org.reprogram.workbench.core.spec;

import java.util.List;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.mapping.text.TextMappingType;
import org.reprogram.workbench.core.mapping.text.TextSettings;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.model.Templates;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * The prompts a run reads a vision-language source through: its text mapping's
 * ({@link TextMappingType#prompts}), or for a baseline the zero-shot prompts (the class names in the
 * default template). Null for a run whose mapping is not made of text.
 */
public final class RunPrompts {

    private RunPrompts() {}

    /** SPEC's prompts for a target of TARGETCLASSES, or null when its mapping is not a text mapping. */
    public static PromptSet of(RunSpec spec, List<String> targetClasses) {
        if (!spec.isReprogramming()) {
            return baseline(targetClasses);
        }
        MappingType t = MappingTypes.find(spec.mapping().id());
        return t instanceof TextMappingType text ? text.prompts(targetClasses, spec.mapping().settings()) : null;
    }

    /** The zero-shot prompts of a baseline on a vision-language source: each class name in the default template. */
    public static PromptSet baseline(List<String> targetClasses) {
        return PromptSet.ensemble(TextSettings.classNames(ParameterValues.empty(), targetClasses),
                List.of(Templates.DEFAULT));
    }
}
