package org.reprogram.workbench.core.mapping.text;

import java.util.List;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * A label mapping made of text, for vision-language sources: it says which prompts the model is read
 * through ({@link #prompts}; they become the run's source classes, see
 * {@code model.PromptClassifier}), then maps those prompts' logits to the target classes as any
 * mapping maps source logits.
 */
public interface TextMappingType extends MappingType {

    /**
     * The prompts for a target of TARGETCLASSES with SETTINGS; a problem with them (a descriptions file
     * that does not parse) is a {@link org.reprogram.workbench.core.UserInputException}.
     */
    PromptSet prompts(List<String> targetClasses, ParameterValues settings);

    @Override
    default boolean readsText() {
        return true;
    }
}
