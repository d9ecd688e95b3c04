package org.reprogram.workbench.core.spec;

import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * The label mapping of a run: a registered mapping's id and its own settings.
 *
 * @param id the mapping's id ("ilm")
 * @param settings its settings; the ones not given read as their defaults
 */
public record MappingSpec(String id, ParameterValues settings) {

    public MappingSpec {
        if (settings == null) {
            settings = ParameterValues.empty();
        }
    }

    /** The registered mapping (an {@link IllegalArgumentException} listing the ids when unknown). */
    public MappingType type() {
        return MappingTypes.get(id);
    }
}
