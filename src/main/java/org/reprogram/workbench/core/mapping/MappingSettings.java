package org.reprogram.workbench.core.mapping;

import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ValueType;

/** Settings that several mappings share (m source classes per target class: the mappings that list it). */
public final class MappingSettings {

    private MappingSettings() {}

    public static final Parameter<Integer> SOURCES_PER_CLASS = Parameter.of("mapping.sources_per_class",
            ValueType.integer(1, Integer.MAX_VALUE)).key("sourcesPerClass").label("Sources per class").column("sources/class")
            .help("source classes per target class (BAR uses 6)").defaultValue(1).build();
}
