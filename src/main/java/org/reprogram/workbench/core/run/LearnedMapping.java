package org.reprogram.workbench.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * A run's label mapping in class names, as {@value RunFiles#MAPPING_JSON} holds it: for each
 * target class the source classes it reads and their weights (one-to-one mappings: one source,
 * weight 1; learned ones: the three heaviest sources).
 *
 * @param sourceClasses the source model's class names
 * @param targetClasses the target dataset's class names
 * @param mapping one entry per target class, in class order
 */
public record LearnedMapping(List<String> sourceClasses, List<String> targetClasses, List<Entry> mapping) {

    /** How many sources a learned (dense) mapping lists per target class. */
    public static final int TOP_SOURCES = 3;

    /**
     * One target class.
     *
     * @param target its name
     * @param sources the source classes it reads, heaviest first for learned mappings
     * @param weights their weights
     */
    public record Entry(String target, List<String> sources, List<Double> weights) {

        public Entry {
            sources = sources == null ? List.of() : List.copyOf(sources);
            weights = weights == null ? List.of() : List.copyOf(weights);
        }
    }

    public LearnedMapping {
        sourceClasses = sourceClasses == null ? List.of() : List.copyOf(sourceClasses);
        targetClasses = targetClasses == null ? List.of() : List.copyOf(targetClasses);
        mapping = mapping == null ? List.of() : List.copyOf(mapping);
    }

    /** The mapping of snapshot S with INFO's class names (what {@link RunRecorder} writes at the end). */
    public static LearnedMapping of(TrainingSnapshot s, RunInfo info) {
        List<Entry> entries = new ArrayList<>();
        for (int t = 0; t < info.targetClasses().size(); t++) {
            int[] sources = s.assignment() != null ? s.assignment()[t]
                    : RunRecorder.topSources(s.mappingWeights(), t, TOP_SOURCES);
            List<String> names = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int src : sources) {
                names.add(info.sourceClasses().get(src));
                weights.add((double) s.mappingWeights()[src][t]);
            }
            entries.add(new Entry(info.targetClasses().get(t), names, weights));
        }
        return new LearnedMapping(info.sourceClasses(), info.targetClasses(), entries);
    }

    /** The mapping saved in run folder DIR, or null when it has none or it cannot be read. */
    public static LearnedMapping read(Path dir) {
        Path file = dir.resolve(RunFiles.MAPPING_JSON);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            LearnedMapping m = Json.GSON.fromJson(Files.readString(file), LearnedMapping.class);
            return m == null || m.mapping().isEmpty() ? null : new LearnedMapping(m.sourceClasses(), m.targetClasses(),
                    m.mapping().stream().filter(e -> e != null && e.target() != null)
                            .map(e -> new Entry(e.target(), e.sources(), e.weights())).toList());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
