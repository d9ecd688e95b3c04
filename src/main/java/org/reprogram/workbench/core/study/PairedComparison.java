package org.reprogram.workbench.core.study;

import java.util.List;

/**
 * A configuration against the best baseline, paired by seed: for every seed both have, the
 * difference of their test accuracies at the best validation epoch (configuration minus baseline;
 * a seed run more than once counts with the mean of its trials), and the mean difference with its
 * 95 % t interval.
 *
 * @param configuration the configuration's label
 * @param baseline the baseline's label
 * @param seeds the seeds both have, ascending
 * @param differences the per-seed differences, in the order of SEEDS
 * @param difference their mean and 95 % interval (n = number of paired seeds)
 * @param verdict what the interval says
 */
public record PairedComparison(String configuration, String baseline, List<Long> seeds, List<Double> differences,
        Estimate difference, Verdict verdict) {

    /** What a paired comparison concludes. */
    public enum Verdict {
        /** The interval lies above 0. */
        BETTER("better"),
        /** The interval lies below 0. */
        WORSE("worse"),
        /** The interval contains 0. */
        NOT_DISTINGUISHABLE("not distinguishable"),
        /** One paired seed: a difference but no interval. */
        TOO_FEW_SEEDS("too few paired seeds"),
        /** No seed in common. */
        NO_COMMON_SEED("no common seed");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }

        /** "better", "not distinguishable", ... */
        public String words() {
            return words;
        }
    }

    public PairedComparison {
        seeds = List.copyOf(seeds);
        differences = List.copyOf(differences);
    }

    /** The comparison of CONFIGURATION's per-seed test accuracies with BASELINE's. */
    static PairedComparison of(String configuration, String baseline, java.util.SortedMap<Long, Double> config,
            java.util.SortedMap<Long, Double> base) {
        List<Long> seeds = config.keySet().stream().filter(base::containsKey).toList();
        List<Double> diffs = seeds.stream().map(s -> config.get(s) - base.get(s)).toList();
        Estimate d = Estimate.of(diffs.stream().mapToDouble(Double::doubleValue).toArray());
        Verdict v;
        if (seeds.isEmpty()) {
            v = Verdict.NO_COMMON_SEED;
        } else if (!d.hasInterval()) {
            v = Verdict.TOO_FEW_SEEDS;
        } else if (d.contains(0)) {
            v = Verdict.NOT_DISTINGUISHABLE;
        } else {
            v = d.low() > 0 ? Verdict.BETTER : Verdict.WORSE;
        }
        return new PairedComparison(configuration, baseline, seeds, diffs, d, v);
    }

    /**
     * In words, e.g. "better than linear-probe by 0.040 [0.010, 0.070], paired over 3 seeds",
     * "not distinguishable from linear-probe: 0.010 [-0.020, 0.040], paired over 3 seeds",
     * "one seed in common with linear-probe (difference 0.020): too few for an interval",
     * "no seed in common with linear-probe: not compared".
     */
    public String inWords() {
        String over = ", paired over " + seeds.size() + " seeds";
        String figure = Estimate.num(difference.mean()) + " " + difference.intervalInWords() + over;
        return switch (verdict) {
            case BETTER -> "better than " + baseline + " by " + figure;
            case WORSE -> "worse than " + baseline + " by " + Estimate.num(-difference.mean()) + " (difference "
                    + figure + ")";
            case NOT_DISTINGUISHABLE -> "not distinguishable from " + baseline + ": " + figure;
            case TOO_FEW_SEEDS -> "one seed in common with " + baseline + " (difference "
                    + Estimate.num(difference.mean()) + "): too few for an interval";
            case NO_COMMON_SEED -> "no seed in common with " + baseline + ": not compared";
        };
    }
}
