package org.reprogram.workbench.core.study;

import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * A study: which settings to sweep and how (a Weights &amp; Biases sweep file: {@code method},
 * {@code metric}, {@code parameters}, {@code early_terminate}, {@code run_cap}), from which run
 * ({@code base}), with which seeds ({@code seeds}) and against which baselines ({@code baselines}).
 * Read from YAML by {@link #read}, every value checked by the parameter registry; expanded into
 * runs by {@link #trials()}. docs/studies/example.yaml shows every key.
 *
 * @param file the spec file (messages name it)
 * @param name the study's name ("" when none)
 * @param description what the study asks, in words ("" when none)
 * @param method grid or random
 * @param metric the validation figure that ranks configurations
 * @param base the run every trial starts from (defaults, a mapping of settings, or a run folder's config)
 * @param parameters the swept settings, in the file's order
 * @param seeds the seeds every configuration runs with
 * @param baselines the baselines run on the base's source, target and splits with every seed
 * @param earlyTerminate successive halving, or null
 * @param runCap the number of configurations a random study draws (0 for a grid)
 * @param seed seeds the random draws of configurations
 */
public record StudySpec(Path file, String name, String description, SearchMethod method, Metric metric, RunSpec base,
        List<SweepParameter> parameters, List<Long> seeds, List<Method> baselines, EarlyTerminate earlyTerminate,
        int runCap, long seed) {

    public StudySpec {
        parameters = List.copyOf(parameters);
        seeds = List.copyOf(seeds);
        baselines = List.copyOf(baselines);
    }

    /** Reads and checks the spec in FILE; each problem is a {@link org.reprogram.workbench.core.UserInputException} with its line. */
    public static StudySpec read(Path file) {
        return StudySpecReader.read(file);
    }

    /**
     * Every trial: each distinct configuration (grid: the product of the values in the file's order,
     * the first parameter varying slowest; random: {@code run_cap} distinct draws, fewer only where the
     * values allow fewer) with each seed, then each
     * baseline with each seed. Configurations that are the same on the settings that apply to them
     * (an inner size with program full) are one.
     */
    public List<Trial> trials() {
        return TrialExpander.trials(this);
    }
}
