package org.reprogram.workbench.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A study's outcome in a few sentences: the winner by validation with its test figure, how it fares
 * against the best baseline paired by seed, ties and the trials left out. Numbers with 3 decimals in
 * Locale.ROOT; never "NaN" (n = 1 is written as such).
 */
final class StudySummary {

    private StudySummary() {}

    static String of(StudyStatistics s) {
        List<String> out = new ArrayList<>();
        Optional<ConfigurationStats> winner = s.winner();
        if (winner.isEmpty()) {
            out.add("No completed trial: nothing to compare.");
        } else {
            ConfigurationStats w = winner.get();
            out.add(w.label() + " wins by validation (mean best validation accuracy "
                    + Estimate.num(w.validation().mean()) + "; test accuracy at the best validation epoch "
                    + w.test().inWords() + ").");
            List<ConfigurationStats> tied = s.tiedWithWinner();
            if (!tied.isEmpty()) {
                out.add("It ties on validation with " + String.join("; ", tied.stream().map(ConfigurationStats::label)
                        .toList()) + ": " + StudyStatistics.TIE_RULE + ".");
            }
            out.add(againstBaseline(s, w));
        }
        if (!s.leftOut().isEmpty()) {
            out.add(leftOut(s.leftOut()));
        }
        return String.join(" ", out);
    }

    private static String againstBaseline(StudyStatistics s, ConfigurationStats winner) {
        Optional<ConfigurationStats> baseline = s.bestBaseline();
        if (baseline.isEmpty()) {
            return "The study has no baseline trials: nothing to compare with.";
        }
        ConfigurationStats b = baseline.get();
        String best = "The best baseline by validation is " + b.label() + " (test " + b.test().inWords() + ").";
        if (!winner.isBaseline()) {
            return best + " " + winner.label() + " is " + s.comparison(winner.key()).orElseThrow().inWords() + ".";
        }
        Optional<ConfigurationStats> r = s.bestReprogramming();
        if (r.isEmpty()) {
            return "No reprogramming trial completed.";
        }
        ConfigurationStats c = r.get();
        return "The best reprogramming configuration by validation, " + c.label() + " (test " + c.test().inWords()
                + "), is " + s.comparison(c.key()).orElseThrow().inWords() + ".";
    }

    /** "2 trials did not complete and are left out (failed 1, stopped 1)." */
    private static String leftOut(List<TrialOutcome> trials) {
        Map<String, Integer> why = new TreeMap<>();
        trials.forEach(t -> why.merge(t.leftOutBecause(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        why.forEach((reason, n) -> parts.add(reason + " " + n));
        int n = trials.size();
        return n + (n == 1 ? " trial" : " trials") + " did not complete and " + (n == 1 ? "is" : "are")
                + " left out (" + String.join(", ", parts) + ").";
    }
}
