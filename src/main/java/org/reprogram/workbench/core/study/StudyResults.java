package org.reprogram.workbench.core.study;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a study's report needs, read from its folder ({@link StudyFolder#results()}).
 *
 * @param dir the study folder
 * @param spec the study spec (the copy in the folder)
 * @param trials every trial the spec expands to
 * @param outcomes what each trial with a run folder gave (trial id = run folder name)
 * @param statistics the leaderboard and paired comparisons
 * @param budget epochs spent against the full grid
 */
public record StudyResults(Path dir, StudySpec spec, List<Trial> trials, List<TrialOutcome> outcomes,
        StudyStatistics statistics, EpochBudget budget) {

    public StudyResults {
        trials = List.copyOf(trials);
        outcomes = List.copyOf(outcomes);
    }
}
