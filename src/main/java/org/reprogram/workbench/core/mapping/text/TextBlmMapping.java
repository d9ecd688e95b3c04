package org.reprogram.workbench.core.mapping.text;

import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.mapping.BayesianLabelMapping;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.mapping.MappingContext;

/**
 * {@code text-blm}: BLM's vision-language variant (tmlr-group/BayesianLM {@code train_vlm.py},
 * {@code --mapping blm}). The same network as ILM-VP's CLIP experiment (every template x class prompt,
 * logits = scale x cosine), and the Bayesian-guided probabilistic mapping ({@code blm_reweight_matrix},
 * Laplace smoothing 1) from the prompts' argmax frequencies, recomputed every epoch: each class reads all
 * prompts, weighted. The authors' script defaults to BLM+ ({@code blmp}); BLM is the variant named in the
 * issue, BLM+ on prompts is not offered.
 */
public final class TextBlmMapping extends EveryTemplateMappingType {

    public TextBlmMapping() {
        super("text-blm", "text-blm – Bayesian over prompts", "BLM's probabilistic mapping over prompts, every epoch",
                "Vision-language sources: every template x class prompt, weighted per class (BLM, train_vlm.py).");
    }


    @Override
    public LabelMapping create(MappingContext c, NDManager manager) {
        return new BayesianLabelMapping(id(), c.sourceClasses(), c.targetClassCount(), false, manager);
    }
}
