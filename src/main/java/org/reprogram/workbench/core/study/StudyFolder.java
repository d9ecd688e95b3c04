package org.reprogram.workbench.core.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.AtomicFolder;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.ZipFolder;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunFolderLock;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;

/**
 * A study's folder, the one place its state lives: {@value #SPEC} (the spec as it was run; resume
 * reads it, so the trials and their ids stay the same), {@code runs/TRIAL_ID/} (every trial's run
 * folder once it came back, same layout as any run), {@code failed/TRIAL_ID.txt} (a trial that
 * failed before it had a folder), {@code shipped/} (the zipped inputs) and {@code report/}. Nothing
 * else records progress: what is done is what is in {@code runs/}, so a driver killed at any point
 * resumes from the folder ({@link #trialState}).
 *
 * <p>One driver at a time ({@link #claim()}: the {@link RunFolderLock} of the study folder). A
 * trial's folder is placed whole by {@link AtomicFolder#replace} (written beside it, then renamed
 * in): a crash leaves the previous rung's folder or the new one, never a mix.
 */
public final class StudyFolder {

    /** The copy of the spec in the study folder. */
    public static final String SPEC = "study.yaml";
    /** The trials' run folders. */
    public static final String RUNS = "runs";
    /** Trials that failed before they had a run folder: one text file each, with the reason. */
    public static final String FAILED = "failed";
    /** Where {@code study report} writes. */
    public static final String REPORT = "report";

    private final Path dir;
    private final StudySpec spec;
    private final List<Trial> trials;

    private StudyFolder(Path dir, StudySpec spec) {
        this.dir = dir;
        this.spec = spec;
        this.trials = spec.trials(); // expanded once: the spec in the folder does not change
    }

    /**
     * Creates study folder DIR (new or empty) for the spec in SPECFILE: checks the spec first (an
     * error names its line), then copies it in.
     */
    public static StudyFolder create(Path dir, Path specFile) throws IOException {
        StudySpec spec = StudySpec.read(specFile);
        if (Files.isRegularFile(dir.resolve(SPEC))) {
            throw UserInputException.forFile(dir, "already holds a study", "continue it with: study resume " + dir
                    + " (or choose a new --out folder)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "is a file, not a folder", "choose a new folder for --out");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                    throw UserInputException.forFile(dir, "is not empty", "choose a new or empty folder for --out");
                }
            }
        }
        RunFolderAccess.requireWritable(dir);
        Files.createDirectories(dir.resolve(RUNS));
        AtomicFiles.writeString(dir.resolve(SPEC), Files.readString(specFile, StandardCharsets.UTF_8));
        return new StudyFolder(dir, StudySpec.read(dir.resolve(SPEC)));
    }

    /** Opens the study in DIR (its spec copy is read and checked again). */
    public static StudyFolder open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(SPEC))) {
            throw UserInputException.forFile(dir, Files.isDirectory(dir) ? "is not a study folder (no " + SPEC + ")"
                    : "does not exist", "give the --out folder of a 'study run'");
        }
        return new StudyFolder(dir, StudySpec.read(dir.resolve(SPEC)));
    }

    public Path dir() {
        return dir;
    }

    public StudySpec spec() {
        return spec;
    }

    /** The spec's trials ({@link StudySpec#trials()}), in its order. */
    public List<Trial> trials() {
        return trials;
    }

    /**
     * Claims the study for this driver (one at a time; a second one gets an error naming the folder)
     * and puts back a trial folder a crash left between the two renames of a replace.
     */
    public RunFolderLock claim() {
        RunFolderLock lock = RunLauncher.claim(dir, false);
        for (Trial t : trials) {
            AtomicFolder.recover(runDir(t.id()));
        }
        return lock;
    }

    /** Where trial ID's run folder is (or will be). */
    public Path runDir(String id) {
        return dir.resolve(RUNS).resolve(id);
    }

    /** Where the report goes. */
    public Path reportDir() {
        return dir.resolve(REPORT);
    }

    /**
     * Puts a returned trial into the study: its run folder replaces the trial's (atomically), or,
     * for a trial that failed before it had one, its reason goes to {@code failed/ID.txt}.
     */
    public void place(TrialReturn r) throws IOException {
        if (r.runFolder() == null) {
            AtomicFiles.writeString(dir.resolve(FAILED).resolve(r.trialId() + ".txt"), r.message() + "\n");
            return;
        }
        AtomicFolder.replace(runDir(r.trialId()), d -> ZipFolder.unzip(r.runFolder(), d));
        Files.deleteIfExists(dir.resolve(FAILED).resolve(r.trialId() + ".txt"));
    }

    /** TRIAL's state as the folder has it. */
    public TrialRecord trialState(Trial trial) {
        Path run = runDir(trial.id());
        Path failed = dir.resolve(FAILED).resolve(trial.id() + ".txt");
        if (Files.isDirectory(run)) {
            RunRecord rec = RunStore.loadOrUnreadable(run);
            return TrialRecord.of(trial, rec);
        }
        if (Files.isRegularFile(failed)) {
            String why;
            try {
                why = Files.readString(failed, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                why = "failed";
            }
            return TrialRecord.failed(trial, why);
        }
        return TrialRecord.notStarted(trial);
    }

    /** The state of every trial of the spec, in the spec's order. */
    public List<TrialRecord> trialStates() {
        List<TrialRecord> out = new ArrayList<>();
        for (Trial t : trials) {
            out.add(trialState(t));
        }
        return out;
    }

    /** TRIAL's run folder zipped, to continue it on an executor. */
    byte[] zipRun(Trial trial) throws IOException {
        return ZipFolder.zip(runDir(trial.id()));
    }
}
