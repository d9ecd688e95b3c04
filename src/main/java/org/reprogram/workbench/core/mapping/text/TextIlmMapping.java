package org.reprogram.workbench.core.mapping.text;

import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.mapping.IterativeLabelMapping;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.mapping.MappingContext;

/**
 * {@code text-ilm}: ILM-VP's CLIP experiment (OPTML-Group/ILM-VP {@code experiments/clip/ilm_tp_vp.py}).
 * Every template x class is its own prompt ({@code get_saparate_text_embedding}, template-major), and at
 * the start of every epoch the frequency matrix of the prompts' argmax against the true classes, with the
 * current program, is matched greedily one-to-one ({@code generate_label_mapping_by_frequency}): each class
 * gets the prompt, of any template, that its images select most. As in the authors' code the matching runs
 * over all prompts, so a class may be given another class's words when the images say so; the mapping
 * view shows the chosen prompt as text. Same as the authors: mapping interval 1. Differences: the
 * authors' run uses all 81 templates; here the default is the one template and {@code --templates
 * ilm-vp-81} gives theirs (with one template the matching permutes the class prompts).
 */
public final class TextIlmMapping extends EveryTemplateMappingType {

    public TextIlmMapping() {
        super("text-ilm", "text-ilm – best prompt per class, each epoch", "ILM-VP's prompt choice, every epoch",
                "Vision-language sources: every template x class prompt, matched one-to-one each epoch (ILM-VP).");
    }


    @Override
    public LabelMapping create(MappingContext c, NDManager manager) {
        return new IterativeLabelMapping(id(), c.sourceClasses(), c.targetClassCount(), manager);
    }
}
