package org.reprogram.workbench.core.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * One run of a study: a configuration with one seed.
 *
 * @param id a short stable id (a hash of the configuration's settings and the seed): a resumed study
 *     finds its trials by it
 * @param configurationKey the configuration ({@link ConfigurationKey#of(RunSpec)}): the trials of
 *     one configuration (its replicates) share it, and so do their runs read back
 * @param values the swept settings that apply to this run, by id, as text (empty for a baseline)
 * @param spec the run: the base with the values and the seed
 */
public record Trial(String id, ConfigurationKey configurationKey, Map<String, String> values, RunSpec spec) {

    public Trial {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The run's seed. */
    public long seed() {
        return spec.seed();
    }

    /** Whether this trial is a baseline (linear-probe, finetune, scratch) rather than a swept configuration. */
    public boolean isBaseline() {
        return spec.isBaseline();
    }
}
