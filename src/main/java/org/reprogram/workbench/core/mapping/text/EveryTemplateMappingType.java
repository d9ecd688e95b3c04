package org.reprogram.workbench.core.mapping.text;

import java.util.List;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * The text mappings of ILM-VP's and BLM's CLIP experiments: every template x class is its own prompt
 * ({@code get_saparate_text_embedding}, template-major), recomputed from the frequency matrix of the
 * prompts every epoch; they differ in how a class reads the prompts.
 */
abstract class EveryTemplateMappingType extends AbstractTextMappingType {

    EveryTemplateMappingType(String id, String label, String description, String details) {
        super(id, label, description, details, true, List.of(TextSettings.CLASS_NAMES, TextSettings.TEMPLATE,
                TextSettings.TEMPLATES));
    }

    @Override
    public final PromptSet prompts(List<String> targetClasses, ParameterValues settings) {
        return PromptSet.separate(TextSettings.classNames(settings, targetClasses), TextSettings.templates(settings));
    }
}
