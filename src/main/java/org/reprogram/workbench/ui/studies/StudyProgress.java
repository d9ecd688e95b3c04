package org.reprogram.workbench.ui.studies;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.reprogram.workbench.core.study.HalvingSchedule;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.StudyListener;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudyResultsReader;
import org.reprogram.workbench.core.study.TrialRecord;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * Hears a study on the driver's threads and keeps only its newest state; the UI gets a {@link View}
 * of it through a {@link UiThrottle}. After every change of state (a trial came back) the results
 * are read again from the folder, on the driver's thread, so the leaderboard follows the finished
 * trials without work on the UI thread.
 */
final class StudyProgress implements StudyListener {

    /**
     * What the UI shows.
     *
     * @param backend the backend line (null: unchanged)
     * @param rows the trials table
     * @param board the leaderboard (null: unchanged)
     * @param summary the statistics' summary in words
     * @param coordinates the parallel-coordinates data
     * @param message the driver's last line of news (a trial came back, failed, was retried), or null
     */
    record View(String backend, List<TrialRow> rows, List<LeaderRow> board, String summary, ParallelData coordinates,
            String message) {}

    private record State(List<TrialRecord> trials, HalvingSchedule.Plan plan, Set<String> submitted) {}

    private final UiThrottle throttle;
    private final Consumer<View> show;
    private final Map<String, EpochMetrics> live = new ConcurrentHashMap<>();
    private volatile StudyFolder folder;
    private volatile HalvingSchedule schedule;
    private volatile String backend;
    private volatile State state;
    private volatile StudyResults results;
    private volatile String message;

    StudyProgress(TaskExecutor executor, long intervalMillis, Consumer<View> show) {
        this.show = show;
        this.throttle = new UiThrottle(executor::runOnUi, intervalMillis, this::flush);
    }

    /** A study starts (or is opened) in FOLDER, running on BACKEND (in words). */
    void start(StudyFolder folder, String backend) {
        this.folder = folder;
        this.schedule = HalvingSchedule.of(folder.spec());
        this.backend = backend;
        this.state = null;
        this.results = null;
        this.message = null;
        live.clear();
    }

    /** The backend is open: its own description. */
    void backend(String describe) {
        backend = describe;
        throttle.request();
    }

    @Override
    public void onState(List<TrialRecord> trials, HalvingSchedule.Plan plan, Set<String> submitted) {
        StudyFolder f = folder;
        HalvingSchedule.Plan p = plan != null ? plan : schedule.plan(trials, f.spec().metric());
        state = new State(List.copyOf(trials), p, Set.copyOf(submitted));
        try {
            results = StudyResultsReader.read(f, trials);
        } catch (RuntimeException e) {
            // a state that cannot be summarised (yet); the next one is
        }
        throttle.request();
    }

    @Override
    public void onMessage(String line) {
        message = line;
        throttle.request();
    }

    @Override
    public void onTrialEpoch(String trialId, EpochMetrics m) {
        live.put(trialId, m);
        throttle.request();
    }

    /** At the end of a run (the UI thread): drops throttled updates still pending and shows the final state. */
    void finish() {
        throttle.cancel();
        flush();
    }

    /** Shows the newest state now (the UI thread; also at the end of a run, past the throttle). */
    void flush() {
        State s = state;
        if (s == null) {
            return;
        }
        StudyResults r = results;
        List<TrialRow> rows = TrialRow.of(s.trials(), s.plan(), s.submitted(), live, schedule.rungs());
        show.accept(r == null ? new View(backend, rows, null, "", null, message)
                : new View(backend, rows, LeaderRow.of(r.statistics()), r.statistics().summary(), ParallelData.of(r),
                        message));
    }
}
