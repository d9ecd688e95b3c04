package org.reprogram.workbench.core.mapping.text;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.mapping.AbstractMappingType;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * What the text mappings share: they need a vision-language source, and their class names must name
 * every target class once. Each prompt is its own "source class", so no class-count rule applies.
 */
abstract class AbstractTextMappingType extends AbstractMappingType implements TextMappingType {

    AbstractTextMappingType(String id, String label, String description, String details, boolean frequencyDriven,
            List<Parameter<?>> parameters) {
        super(id, label, description, details, frequencyDriven, parameters);
    }

    @Override
    public final int exclusiveSourcesPerTarget(ParameterValues settings) {
        return 0;
    }

    @Override
    public List<Problem> problems(MappingContext c) {
        List<Problem> out = new ArrayList<>();
        if (!c.source().isVisionLanguage()) {
            out.add(new Problem("mapping", "{} '" + id() + "' reads a vision-language model through text, but source"
                    + " model '" + c.source().name() + "' is a classifier", "choose a vision-language source (e.g."
                    + " builtin:fmnist-clip), or a classifier's mapping (ilm, blm, linear, ...)"));
            return out;
        }
        String names = TextSettings.classNamesProblem(TextSettings.classNames(c.settings(), c.targetClasses()),
                c.targetClasses());
        if (names != null) {
            out.add(Problem.of(TextSettings.CLASS_NAMES, names, "give one name per target class, comma-separated in"
                    + " label order, or leave it empty for the folder names"));
        }
        return out;
    }
}
