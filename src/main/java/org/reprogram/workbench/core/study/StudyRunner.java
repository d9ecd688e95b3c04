package org.reprogram.workbench.core.study;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.reprogram.workbench.core.FaultPoints;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.run.RunFolderLock;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import org.reprogram.workbench.core.spec.Settings;

/**
 * The study's driver: runs (or resumes) the study in a {@link StudyFolder} on a {@link
 * TrialBackend}. It asks the {@link HalvingSchedule} what to run, from the folder alone, submits
 * those trials (all of a rung at once, the baselines with the first), places each trial's run
 * folder as it comes back and asks again, until nothing is left or the study is cancelled. A
 * driver killed at any point loses only the trials in flight: resuming runs this again on the same
 * folder, which skips every trial whose folder is there and continues paused ones from their
 * checkpoints. Each trial's resources are the backend's threads per trial.
 */
public final class StudyRunner {

    /** What ended the run. */
    public enum Ending { DONE, CANCELLED }

    private final StudyFolder folder;
    private final TrialBackend backend;
    private final StudyListener listener;
    private final HalvingSchedule schedule;
    private volatile boolean cancelled;
    private int placed;

    public StudyRunner(StudyFolder folder, TrialBackend backend, StudyListener listener) {
        this.folder = folder;
        this.backend = backend;
        this.listener = listener != null ? listener : new StudyListener() { };
        this.schedule = HalvingSchedule.of(folder.spec());
    }

    /** Asks the study to end: trials in flight are cancelled (a resume runs them again). Any thread. */
    public void cancel() {
        cancelled = true;
        backend.cancelAll();
    }

    /** Runs the study to its end (or until cancelled); the folder then holds every trial that came back. */
    public Ending run() throws IOException, InterruptedException {
        try (RunFolderLock lock = folder.claim()) {
            retryFailedWithoutFolder();
            List<RunSpec> specs = folder.trials().stream().map(Trial::spec).toList();
            listener.onMessage("backend: " + backend.describe());
            Map<String, String> shipped = ShippedInputs.prepare(specs, folder.dir(), backend);
            BlockingQueue<Returned> returned = new LinkedBlockingQueue<>();
            Map<String, CompletableFuture<TrialReturn>> inFlight = new HashMap<>();
            List<AutoCloseable> watches = new ArrayList<>();
            List<TrialRecord> states = folder.trialStates(); // then only a returned trial's folder is read again
            try {
                while (true) {
                    HalvingSchedule.Plan plan = schedule.plan(states, folder.spec().metric());
                    if (!cancelled) {
                        for (HalvingSchedule.Work w : plan.next()) {
                            if (!inFlight.containsKey(w.trial().id())) {
                                watches.add(TrialProgress.watch(w.trial().id(), listener));
                                inFlight.put(w.trial().id(), submit(w, shipped, returned));
                            }
                        }
                    }
                    listener.onState(states, plan, new LinkedHashSet<>(inFlight.keySet()));
                    if (inFlight.isEmpty()) {
                        return cancelled ? Ending.CANCELLED : Ending.DONE;
                    }
                    Returned r = returned.take(); // a cancel fails the trials in flight, so this returns
                    inFlight.remove(r.trial().id());
                    take(r);
                    states = refreshed(states, r.trial());
                }
            } finally {
                for (AutoCloseable w : watches) {
                    closeQuietly(w);
                }
                if (!inFlight.isEmpty()) {
                    backend.cancelAll();
                }
            }
        }
    }

    /** A trial that came back, or the reason the backend gave up on it. */
    private record Returned(Trial trial, TrialReturn result, Throwable failure) {}

    private CompletableFuture<TrialReturn> submit(HalvingSchedule.Work w, Map<String, String> shipped,
            BlockingQueue<Returned> returned) throws IOException {
        Trial t = w.trial();
        RunSpec spec = t.spec().with(Settings.THREADS, backend.threadsPerTrial());
        String config = org.reprogram.workbench.core.Json.toJson(RunSpecJson.toJson(spec));
        Map<String, String> mine = new HashMap<>();
        for (String path : List.of(spec.source(), spec.data().target())) {
            if (shipped.containsKey(path)) {
                mine.put(path, shipped.get(path));
            }
        }
        TrialTask task = new TrialTask(t.id(), config, w.stopAfter(), w.continues() ? folder.zipRun(t) : null, mine);
        CompletableFuture<TrialReturn> f = backend.submit(task);
        f.whenComplete((r, e) -> returned.add(new Returned(t, r, e)));
        return f;
    }

    private void take(Returned r) throws IOException {
        if (r.failure() != null) {
            if (cancelled) {
                return;
            }
            String why = r.failure().getMessage() != null ? r.failure().getMessage() : r.failure().toString();
            listener.onMessage("trial " + r.trial().id() + " failed on the executors: " + why);
            folder.place(new TrialReturn(r.trial().id(), null, "failed", 0, 0, why, "", 0, 0));
            return;
        }
        TrialReturn t = r.result();
        folder.place(t);
        FaultPoints.reach("study-after-place:" + (++placed)); // crash tests: the driver killed after N trials came back
        String where = t.host().isEmpty() ? "" : " on " + t.host() + (t.attempt() > 0 ? " (attempt " + (t.attempt() + 1)
                + ")" : "");
        listener.onMessage(String.format(java.util.Locale.ROOT, "trial %s %s after %d epochs (+%d) in %.1f s%s%s",
                t.trialId(), t.status(), t.epochsDone(), t.epochsTrained(), t.seconds(), where,
                "failed".equals(t.status()) && t.message() != null ? ": " + t.message() : ""));
    }

    /** STATES with TRIAL's read again from the folder (the only one that changed: this driver holds the study). */
    private List<TrialRecord> refreshed(List<TrialRecord> states, Trial trial) {
        List<TrialRecord> out = new ArrayList<>(states);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).trial().id().equals(trial.id())) {
                out.set(i, folder.trialState(trial));
            }
        }
        return out;
    }

    /** Trials that failed before they had a run folder (on the executors) are tried again by a resume. */
    private void retryFailedWithoutFolder() throws IOException {
        java.nio.file.Path failed = folder.dir().resolve(StudyFolder.FAILED);
        if (java.nio.file.Files.isDirectory(failed)) {
            try (var files = java.nio.file.Files.list(failed)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // a watch only removes a map entry
        }
    }

    /** Checks that the study can start at all (a target that is not a folder, ...), before a backend starts. */
    public static void requireRunnable(StudyFolder folder) {
        if (folder.trials().isEmpty()) {
            throw UserInputException.forFile(folder.dir().resolve(StudyFolder.SPEC), "expands to no trial",
                    "list at least one value per parameter");
        }
    }
}
