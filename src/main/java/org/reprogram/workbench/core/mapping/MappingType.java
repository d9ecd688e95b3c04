package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.param.MethodType;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * A label mapping the workbench offers, registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.reprogram.workbench.core.mapping.MappingType}; {@link MappingTypes}
 * lists them). It carries its id, words, own settings and capabilities, says what it cannot do with a
 * source model and target, and builds the mapping from a {@link MappingContext} (source card and
 * target class names: room for mappings made of text); the mapping states its own plain-array export
 * ({@link LabelMapping#interop()}). See docs/adding-a-method.md.
 */
public interface MappingType extends MethodType {

    /**
     * How many source classes each target class reads alone (hard one-to-one and many-to-one
     * mappings: the target needs K_t x that many source classes); 0 when every target class reads
     * every source class (linear, Bayesian).
     */
    int exclusiveSourcesPerTarget(ParameterValues settings);

    /**
     * Whether it is (re)computed from the frequency matrix the trainer measures over the training
     * split ({@link LabelMapping#needsFrequencies}): the capability the views and the docs read,
     * instead of a list of names.
     */
    boolean frequencyDriven();

    /**
     * Whether it reads a vision-language model through text (its source classes are the run's prompts,
     * {@code mapping.text.TextMappingType}) instead of a classifier's classes: the class-count rule and
     * the classifier capabilities above do not apply to it.
     */
    default boolean readsText() {
        return false;
    }

    /** Why it cannot map CONTEXT's source classes to its target classes (naming the setting to change), or none. */
    List<Problem> problems(MappingContext context);

    /** The mapping for CONTEXT. */
    LabelMapping create(MappingContext context, NDManager manager);
}
