package org.reprogram.workbench.core.mapping;

import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * What a label mapping is made from: the source model's card (its class names and count K_s), the
 * target's class names (K_t, and the words a text-based mapping would embed), the mapping's own
 * settings and the run's seed.
 *
 * @param source the frozen source model's card
 * @param targetClasses the target class names, in label order
 * @param settings the mapping's own settings ({@link MappingType#parameters()}; defaults where not given)
 * @param seed the run's seed (random and learned mappings)
 * @param prompts a vision-language source's prompts as the run saved them (a text mapping then needs
 *     not build them again from its settings, e.g. read a descriptions file); null: built from the settings
 */
public record MappingContext(ModelCard source, List<String> targetClasses, ParameterValues settings, long seed,
        PromptSet prompts) {

    /** A context whose text mapping, if any, builds its prompts from its settings. */
    public MappingContext(ModelCard source, List<String> targetClasses, ParameterValues settings, long seed) {
        this(source, targetClasses, settings, seed, null);
    }

    public MappingContext {
        targetClasses = List.copyOf(targetClasses);
        if (settings == null) {
            settings = ParameterValues.empty();
        }
    }

    /** K_s. */
    public int sourceClasses() {
        return source.numClasses();
    }

    /** K_t. */
    public int targetClassCount() {
        return targetClasses.size();
    }
}
