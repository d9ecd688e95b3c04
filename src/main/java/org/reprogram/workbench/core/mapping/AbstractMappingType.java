package org.reprogram.workbench.core.mapping;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.param.AbstractMethodType;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * The words, settings and capabilities of a {@link MappingType}, and the class-count check every
 * exclusive mapping shares (K_t x sources per target <= K_s).
 */
public abstract class AbstractMappingType extends AbstractMethodType implements MappingType {

    private final boolean frequencyDriven;

    protected AbstractMappingType(String id, String label, String description, String details,
            boolean frequencyDriven, List<Parameter<?>> parameters) {
        super(id, label, description, details, parameters);
        this.frequencyDriven = frequencyDriven;
    }

    @Override
    public final boolean frequencyDriven() {
        return frequencyDriven;
    }

    /** One source class per target class unless a subclass says otherwise. */
    @Override
    public int exclusiveSourcesPerTarget(ParameterValues settings) {
        return 1;
    }

    @Override
    public List<Problem> problems(MappingContext c) {
        List<Problem> p = new ArrayList<>();
        int perClass = exclusiveSourcesPerTarget(c.settings());
        int ks = c.sourceClasses();
        int kt = c.targetClassCount();
        if (perClass > 1 && (long) kt * perClass > ks && kt <= ks) {
            p.add(Problem.of(MappingSettings.SOURCES_PER_CLASS, "{}: at most " + ks / kt + " (" + ks + " source ÷ " + kt
                    + " target classes)", null));
        } else if (perClass > 0 && (long) kt * perClass > ks) {
            List<String> any = MappingTypes.all().stream().filter(t -> t.exclusiveSourcesPerTarget(c.settings()) == 0)
                    .filter(t -> t.problems(c).isEmpty()).map(MappingType::id).toList();
            p.add(new Problem("mapping", "{} '" + id() + "' gives each target class its own source class"
                    + (perClass > 1 ? "es (" + perClass + ")" : "") + ", but the target has " + kt + " classes and '"
                    + c.source().name() + "' only " + ks, "choose {} "
                    + org.reprogram.workbench.core.param.ValueType.orList(any) + (perClass > 1
                    ? ", or fewer sources per class" : "") + ", or a source model with more classes"));
        }
        return p;
    }
}
