package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.reprogram.workbench.core.UserInputException;

/**
 * Deleting runs without losing them: a run folder is moved, in one atomic rename, into the runs
 * folder's hidden {@value #FOLDER} folder, and {@link #restore} moves it back. Nothing is copied
 * or removed, so a run is always whole in one place or the other; the runs list ({@link
 * RunStore#list}) skips hidden folders, so trashed runs are not listed. A run that is still
 * training is refused: its RUNNING marker names a live process, or its writer holds the folder's
 * claim ({@link RunFolderLock}, also before RUNNING is written and while the end files are); the
 * trash holds the claim itself while it moves the folder.
 */
public final class RunTrash {

    /** The trash folder inside the runs folder. */
    public static final String FOLDER = ".trash";

    /**
     * A run moved to the trash.
     *
     * @param original where it was (and goes back to)
     * @param trashed where it is now
     */
    public record Trashed(Path original, Path trashed) {}

    private final Path root;

    /** The trash of the runs folder ROOT. */
    public RunTrash(Path root) {
        this.root = root;
    }

    /** ROOT/{@value #FOLDER}. */
    public Path folder() {
        return root.resolve(FOLDER);
    }

    /**
     * Moves the run folder RUN (a folder directly inside the runs folder) to the trash, under its own
     * name (with "-2", "-3", ... when a trashed run already has it). Refused, with nothing moved, when
     * the run is still training or the file system cannot rename atomically.
     */
    public Trashed delete(Path run) throws IOException {
        Path dir = run.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null || !parent.equals(root.toAbsolutePath().normalize()) || !Files.isDirectory(dir)
                || dir.getFileName().toString().startsWith(".")) {
            throw UserInputException.forFile(run, "is not a run folder in " + root, "choose a run in the Runs list");
        }
        if (training(dir)) {
            throw stillTraining(run, null);
        }
        RunFolderLock claim;
        try {
            claim = RunFolderLock.claim(dir, false); // its writer's claim: held from before RUNNING to after the end files
        } catch (UserInputException busy) {
            throw stillTraining(run, busy);
        }
        try (claim) { // held while it moves, so no run can claim it half-way
            Path trash = Files.createDirectories(folder());
            String name = dir.getFileName().toString();
            for (int i = 1; ; i++) {
                Path target = trash.resolve(i == 1 ? name : name + "-" + i);
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
                    Files.deleteIfExists(target.resolve(RunFolderLock.NAME)); // our own claim's file, moved along
                    return new Trashed(dir, target);
                } catch (FileAlreadyExistsException taken) {
                    // another process trashed one of this name meanwhile: try the next suffix
                }
            }
        }
    }

    private static UserInputException stillTraining(Path run, Throwable cause) {
        return UserInputException.forFile(run, "is still training", "stop the run first (Stop in the Train tab, or"
                + " Ctrl+C where it was started), then delete it", cause);
    }

    /**
     * Moves a trashed run back where it was. Refused, with nothing moved, when a folder of that
     * name exists there again or the trashed folder is gone.
     */
    public Path restore(Trashed t) throws IOException {
        if (!Files.isDirectory(t.trashed())) {
            throw UserInputException.forFile(t.trashed(), "is no longer in the trash", "nothing to restore");
        }
        if (Files.exists(t.original())) {
            throw UserInputException.forFile(t.original(), "exists again",
                    "rename it, then move " + t.trashed() + " back by hand");
        }
        Files.move(t.trashed(), t.original(), StandardCopyOption.ATOMIC_MOVE);
        return t.original();
    }

    /**
     * True while a process trains into DIR. The one place the trash asks; it follows the runs
     * list's own answer ({@link RunRecord#isTraining}: a RUNNING marker naming a live process).
     */
    static boolean training(Path dir) {
        return RunStore.loadOrUnreadable(dir).isTraining();
    }
}
