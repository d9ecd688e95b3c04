package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * The user's own name and note for a run, kept in {@value RunFiles#NOTES} of its folder. It is the
 * only file of a run folder the user edits, and it is written on its own, atomically: the run's
 * other files are never touched, so a run that is still training cannot be damaged by it. A run
 * without the file (or with one that cannot be read) has no name and no note; it still loads.
 *
 * @param name display name ("" = none: the folder name is shown); one line
 * @param note free text ("" = none)
 */
public record RunNotes(String name, String note) {

    /** No name, no note. */
    public static final RunNotes NONE = new RunNotes("", "");

    /** Longest name accepted (it heads table columns and legends). */
    public static final int MAX_NAME = 80;

    /** Longest note accepted. */
    public static final int MAX_NOTE = 2000;

    /** Trims both; a name is one line (runs of spaces, tabs and line breaks become one space); null reads as "". */
    public RunNotes {
        name = name == null ? "" : name.replaceAll("\\s+", " ").strip();
        note = note == null ? "" : note.replace("\r\n", "\n").strip();
    }

    public boolean isEmpty() {
        return name.isEmpty() && note.isEmpty();
    }

    /** The notes of run folder DIR; {@link #NONE} when it has none or they cannot be read. */
    public static RunNotes read(Path dir) {
        Path file = dir.resolve(RunFiles.NOTES);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            RunNotes n = Json.GSON.fromJson(Files.readString(file), RunNotes.class);
            return n == null ? NONE : new RunNotes(n.name(), n.note()); // the constructor normalises
        } catch (IOException | RuntimeException e) {
            return NONE; // damaged notes never hide a run
        }
    }

    /**
     * Writes NOTES into run folder DIR (atomically: a reader sees the old notes or the new ones).
     * Refuses a folder that is not (or no longer) a run folder, and names that are too long, with
     * a {@link UserInputException} naming the folder and the fix.
     */
    public static void write(Path dir, RunNotes notes) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFiles.CONFIG))) {
            throw UserInputException.forFile(dir, Files.isDirectory(dir) ? "is not a run folder (no "
                    + RunFiles.CONFIG + ")" : "no longer exists", "refresh the runs list and choose a run");
        }
        if (notes.name().length() > MAX_NAME) {
            throw UserInputException.forFile(dir, "name has " + notes.name().length() + " characters",
                    "use at most " + MAX_NAME + " (the note can be longer)");
        }
        if (notes.note().length() > MAX_NOTE) {
            throw UserInputException.forFile(dir, "note has " + notes.note().length() + " characters",
                    "use at most " + MAX_NOTE);
        }
        Json.write(dir.resolve(RunFiles.NOTES), notes);
    }
}
