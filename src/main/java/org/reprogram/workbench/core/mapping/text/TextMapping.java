package org.reprogram.workbench.core.mapping.text;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.mapping.HardLabelMapping;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * {@code text}: fixed prompts, one per target class (Bahng et al., hjbahng/visual_prompting: CLIP's
 * zero-shot head, "This is a photo of a {}" per class, with only the visual prompt learned). With
 * several templates the class's prompt embedding is the normalised mean of its templates' embeddings,
 * as AutoVP's CLIP mapping and ILM-VP's {@code get_text_ensemble_embedding} average them. Target logit
 * t is the logit of class t's prompt: nothing is learned on the output side.
 */
public final class TextMapping extends HardLabelMapping {

    TextMapping(int targetClasses, NDManager parent) {
        super(targetClasses, targetClasses, parent);
        int[] identity = new int[targetClasses];
        for (int t = 0; t < targetClasses; t++) {
            identity[t] = t;
        }
        assignOneToOne(identity);
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return false;
    }

    @Override
    public void update(double[][] frequencies) {
        // fixed: class t reads its own prompt
    }

    /** Registration: id "text". */
    public static final class Type extends AbstractTextMappingType {
        public Type() {
            super("text", "text – class prompts", "Fixed prompts, one per class (templates averaged)",
                    "Vision-language sources: each class is read as its prompt (Bahng et al.; AutoVP's CLIP mapping).",
                    false, List.of(TextSettings.CLASS_NAMES, TextSettings.TEMPLATE, TextSettings.TEMPLATES));
        }

        @Override
        public PromptSet prompts(List<String> targetClasses, ParameterValues settings) {
            return PromptSet.ensemble(TextSettings.classNames(settings, targetClasses), TextSettings.templates(settings));
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            return new TextMapping(c.targetClassCount(), manager);
        }
    }
}
