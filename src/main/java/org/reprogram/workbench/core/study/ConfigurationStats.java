package org.reprogram.workbench.core.study;

import java.util.List;
import java.util.TreeSet;

/**
 * One row of a study's leaderboard: the completed trials of one configuration (all settings but
 * the seed) summarised.
 *
 * @param key the configuration
 * @param label its short readable name in this study ({@link ConfigurationKey#labelAmong})
 * @param validation best validation accuracy over the trials: what the ranking uses
 * @param test test accuracy at the best validation epoch over the trials: what is reported
 * @param meanTrainableParameters mean trainable parameters
 * @param meanWallSeconds mean wall-clock seconds per trial
 * @param meanQueries mean source-model queries per trial
 * @param seeds the seeds of the trials, ascending (each once)
 * @param trials the trials' ids, by seed then id
 */
public record ConfigurationStats(ConfigurationKey key, String label, Estimate validation, Estimate test,
        double meanTrainableParameters, double meanWallSeconds, double meanQueries, List<Long> seeds,
        List<String> trials) {

    public ConfigurationStats {
        seeds = List.copyOf(seeds);
        trials = List.copyOf(trials);
    }

    /** The statistics of the completed TRIALS of KEY (at least one), named LABEL. */
    static ConfigurationStats of(ConfigurationKey key, String label, List<TrialOutcome> trials) {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("no completed trial of " + label);
        }
        double[] val = trials.stream().mapToDouble(TrialOutcome::bestValAccuracy).toArray();
        double[] test = trials.stream().mapToDouble(TrialOutcome::testAccuracyAtBestVal).toArray();
        TreeSet<Long> seeds = new TreeSet<>();
        trials.forEach(t -> seeds.add(t.seed()));
        return new ConfigurationStats(key, label, Estimate.of(val), Estimate.of(test),
                trials.stream().mapToLong(TrialOutcome::trainableParameters).average().orElseThrow(),
                trials.stream().mapToDouble(TrialOutcome::wallSeconds).average().orElseThrow(),
                trials.stream().mapToLong(TrialOutcome::queries).average().orElseThrow(),
                List.copyOf(seeds), trials.stream().map(TrialOutcome::trialId).toList());
    }

    /** The number of completed trials. */
    public int n() {
        return test.n();
    }

    /** "reprogram" or a baseline's id. */
    public String method() {
        return key.method();
    }

    /** True for a baseline's configuration. */
    public boolean isBaseline() {
        return !org.reprogram.workbench.core.train.TrainingResult.METHOD_REPROGRAM.equals(method());
    }
}
