package org.reprogram.workbench.core.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Successive halving (W&amp;B's {@code early_terminate: {type: hyperband, min_iter, eta}}): every
 * configuration trains to the first rung (MIN_ITER epochs), the best 1/ETA of them (at least one)
 * by the study's VALIDATION metric, averaged over their seeds, continue from their checkpoints to
 * the next rung (MIN_ITER x ETA epochs, ...), up to the runs' own epochs. This is the synchronous
 * form (Jamieson &amp; Talwalkar 2016; Li et al.'s Hyperband bracket with the most configurations),
 * not ASHA's asynchronous promotions: the decisions depend only on the metrics up to each rung, so
 * they are the same whatever order trials finish in, and a resumed study makes the same ones.
 * Deliberate differences from AutoVP's Ray Tune ASHA (which ranks by training accuracy, without a
 * validation split): ranking by validation, and by configuration (all its seeds) rather than per run.
 * Without early_terminate the schedule has one rung: the runs' epochs.
 *
 * <p>{@link #plan} computes, from the trials' states in the study folder only, the rungs decided so
 * far, the configurations halted, and the work to do next; nothing else is stored.
 *
 * @param rungs epochs of each rung, ascending; the last is the longest run's epochs
 * @param eta the reduction factor (1 without early termination)
 */
public record HalvingSchedule(List<Integer> rungs, int eta) {

    public HalvingSchedule {
        rungs = List.copyOf(rungs);
    }

    /** The schedule of STUDY: its rungs up to the longest reprogramming trial's epochs. */
    public static HalvingSchedule of(StudySpec study) {
        int max = study.trials().stream().filter(t -> !t.isBaseline())
                .mapToInt(t -> t.spec().optimization().epochs()).max().orElse(0);
        EarlyTerminate et = study.earlyTerminate();
        if (et == null) {
            return new HalvingSchedule(List.of(max), 1);
        }
        List<Integer> rungs = new ArrayList<>();
        for (long r = et.minIter(); r < max; r *= et.eta()) {
            rungs.add((int) r);
        }
        rungs.add(max);
        return new HalvingSchedule(rungs, et.eta());
    }

    /** How many of N configurations go on to the next rung: the best N / ETA, at least one. */
    public int keep(int n) {
        return Math.max(1, n / eta);
    }

    /** True when the schedule halves (more than one rung). */
    public boolean halves() {
        return rungs.size() > 1;
    }

    /**
     * One trial to run: to STOPAFTER epochs (0: to its end), continuing its paused run folder when
     * CONTINUES.
     */
    public record Work(Trial trial, int rung, int stopAfter, boolean continues) {}

    /**
     * One rung as far as it got: the configurations in it, and those promoted (null until every trial
     * of the rung is there; empty for the last rung).
     */
    public record Rung(int index, int epochs, List<ConfigurationKey> in, List<ConfigurationKey> promoted) {}

    /**
     * The study's state: rungs so far, configurations halted (not promoted), what runs next (the
     * trials of the first rung not yet reached, and every baseline not yet ended), and whether the
     * study is done.
     */
    public record Plan(List<Rung> rungs, Set<ConfigurationKey> halted, List<Work> next) {

        /** True when no trial has work left. */
        public boolean done() {
            return next.isEmpty();
        }

        /** The index of the rung being worked on (the last one when done). */
        public int currentRung() {
            return rungs.isEmpty() ? 0 : rungs.get(rungs.size() - 1).index();
        }
    }

    /** The plan given the trials' STATES (every trial of the study), ranking by METRIC. */
    public Plan plan(List<TrialRecord> states, Metric metric) {
        Map<ConfigurationKey, List<TrialRecord>> configs = new LinkedHashMap<>();
        List<Work> next = new ArrayList<>();
        for (TrialRecord s : states) {
            if (s.trial().isBaseline()) {
                if (!s.ended()) {
                    next.add(new Work(s.trial(), 0, 0, s.paused()));
                }
            } else {
                configs.computeIfAbsent(s.trial().configurationKey(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Rung> decided = new ArrayList<>();
        Set<ConfigurationKey> halted = new LinkedHashSet<>();
        List<ConfigurationKey> alive = new ArrayList<>(configs.keySet());
        for (int k = 0; k < rungs.size() && !alive.isEmpty(); k++) {
            int r = rungs.get(k);
            List<Work> work = new ArrayList<>();
            for (ConfigurationKey c : alive) {
                for (TrialRecord s : configs.get(c)) {
                    int target = Math.min(r, s.epochs());
                    if (!s.ended() && s.epochsDone() < target) {
                        work.add(new Work(s.trial(), k, target < s.epochs() ? target : 0, s.paused()));
                    }
                }
            }
            if (!work.isEmpty()) {
                decided.add(new Rung(k, r, List.copyOf(alive), null));
                next.addAll(work);
                break;
            }
            if (k == rungs.size() - 1) {
                decided.add(new Rung(k, r, List.copyOf(alive), List.of()));
                break;
            }
            List<ConfigurationKey> promoted = promote(alive, configs, r, metric);
            decided.add(new Rung(k, r, List.copyOf(alive), promoted));
            alive.stream().filter(c -> !promoted.contains(c)).forEach(halted::add);
            alive = new ArrayList<>(promoted);
        }
        return new Plan(decided, halted, next);
    }

    /** The best keep(n) of ALIVE by their trials' mean METRIC up to epoch R (ties: by key, for a fixed order). */
    private List<ConfigurationKey> promote(List<ConfigurationKey> alive, Map<ConfigurationKey, List<TrialRecord>> configs,
            int r, Metric metric) {
        Map<ConfigurationKey, Double> score = new LinkedHashMap<>();
        for (ConfigurationKey c : alive) {
            double sum = 0;
            int n = 0;
            for (TrialRecord s : configs.get(c)) {
                double v = s.metricUpTo(r, metric);
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            if (n > 0) {
                score.put(c, sum / n);
            }
        }
        Comparator<ConfigurationKey> best = Comparator.comparingDouble(
                (ConfigurationKey c) -> metric.maximize() ? -score.get(c) : score.get(c))
                .thenComparing(ConfigurationKey::toString);
        return score.keySet().stream().sorted(best).limit(keep(alive.size())).toList();
    }
}
