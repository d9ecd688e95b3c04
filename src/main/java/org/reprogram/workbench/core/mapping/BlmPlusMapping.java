package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * Registration of BLM+ (tmlr-group/BayesianLM): the Bayesian-guided mapping estimated from each
 * image's top-k source probabilities instead of its argmax ({@link BayesianLabelMapping} with
 * {@code plus}), k = 15 % of the target classes. It reads every source class, is recomputed from the
 * measured frequencies every epoch, and needs at least k source classes. Registered by its line in
 * {@code META-INF/services/org.reprogram.workbench.core.mapping.MappingType}: the CLI's
 * {@code --mapping blm+}, the form's list, config.json, compare and studies know it from there.
 */
public final class BlmPlusMapping extends AbstractMappingType {

    public BlmPlusMapping() {
        super("blm+", "blm+ – Bayesian (top-k)", "Bayesian-guided mapping from top-k probabilities, recomputed every epoch",
                "k = 15 % of the target classes (at least 1).", true, List.of());
    }

    @Override
    public int exclusiveSourcesPerTarget(ParameterValues settings) {
        return 0;
    }

    @Override
    public List<Problem> problems(MappingContext c) {
        int k = Frequencies.blmPlusK(c.targetClassCount());
        if (k > c.sourceClasses()) {
            return List.of(new Problem("mapping", "{} 'blm+' sums the top k = " + k + " source probabilities of every"
                    + " image (k = 15 % of the " + c.targetClassCount() + " target classes), but source model '"
                    + c.source().name() + "' has only " + c.sourceClasses() + " classes", "choose {} blm or linear,"
                    + " or a source model with at least " + k + " classes"));
        }
        return List.of();
    }

    @Override
    public LabelMapping create(MappingContext c, NDManager manager) {
        return new BayesianLabelMapping(c.sourceClasses(), c.targetClassCount(), true, manager);
    }
}
