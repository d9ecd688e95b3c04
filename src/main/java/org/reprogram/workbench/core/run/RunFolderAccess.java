package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingCheckpoint;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * Write access to run folders. {@link #requireWritable} is checked before model and data load,
 * so a read-only, forbidden or full destination fails in milliseconds instead of after the
 * loading; a write that fails during the run ({@link Guard}) ends it with one message. Both are
 * {@link UserInputException}s naming the folder and the fix: the CLI prints one {@code error:}
 * line and exits with 2, the GUI shows the message.
 */
public final class RunFolderAccess {

    /** Free space a run needs at least to start (a small run writes well under a megabyte). */
    public static final long MIN_FREE_BYTES = 16L << 20;

    /** The fix of every write problem. */
    public static final String FIX = "free disk space or choose another folder with --out";

    private RunFolderAccess() {}

    /** As {@link #requireWritable(Path, String)} with the fix "choose another folder with --out" (or {@link #FIX}). */
    public static void requireWritable(Path folder) {
        requireWritable(folder, null);
    }

    /**
     * Refuses FOLDER (a run folder, or the runs folder new run folders go into; it need not exist
     * yet) when it cannot be created or written: its nearest existing ancestor is a file, is not
     * writable (permissions, read-only file system) or its disk has less than
     * {@link #MIN_FREE_BYTES} free. FIX says what to do (null: choose another --out folder).
     */
    public static void requireWritable(Path folder, String fix) {
        String otherFolder = fix != null ? fix : "choose another folder with --out";
        Path abs = folder.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw UserInputException.forFile(folder, "cannot be created (no part of the path exists)", otherFolder);
        }
        String where = existing.equals(abs) ? "" : ": " + existing;
        if (!Files.isDirectory(existing)) {
            throw UserInputException.forFile(folder, existing.equals(abs) ? "is a file, not a folder"
                    : "cannot be created" + where + " is a file, not a folder", otherFolder);
        }
        if (!Files.isWritable(existing)) {
            String why = readOnlyStore(existing) ? "read-only file system" : "no write permission";
            throw UserInputException.forFile(folder, (existing.equals(abs) ? "is not writable"
                    : "cannot be created" + where + " is not writable") + " (" + why + ")", otherFolder);
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return; // unknown: the writes will tell
        }
        if (free < MIN_FREE_BYTES) {
            throw UserInputException.forFile(folder, String.format(Locale.ROOT,
                    "its disk has only %.1f MB free (a run needs at least %d MB)", free / 1048576.0,
                    MIN_FREE_BYTES >> 20), fix != null ? fix : FIX);
        }
    }

    private static boolean readOnlyStore(Path p) {
        try {
            return Files.getFileStore(p).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A failed write of run folder DIR (null: the folder the exception names) as one message:
     * "DIR: cannot write the run files (REASON). Fix: ...". E is the IOException or an exception
     * caused by one.
     */
    public static UserInputException writeFailure(Path dir, Throwable e) {
        IOException io = ioCause(e);
        Path where = dir;
        if (where == null && io instanceof FileSystemException f && f.getFile() != null) {
            where = Path.of(f.getFile());
        }
        String reason = io != null ? reason(io) : String.valueOf(e.getMessage());
        return UserInputException.forFile(where == null ? Path.of("run folder") : where,
                "cannot write the run files (" + reason + ")", FIX, e);
    }

    /** The first IOException in E's cause chain, or null. */
    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** What went wrong in the operating system's words, without Java class names. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            String file = f.getFile() == null ? "" : " at " + f.getFile();
            if (f.getReason() != null) {
                return f.getReason() + file;
            }
            String what = f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "no such file or folder"
                    : f instanceof NotDirectoryException ? "not a folder"
                    : f instanceof FileAlreadyExistsException ? "a file is in the way"
                    : "file system error";
            return what + file;
        }
        return String.valueOf(e.getMessage()).replaceFirst("^cannot write run files: ", "");
    }

    /** Wraps RECORDER, the listener that writes run folder DIR, see {@link Guard}. */
    public static Guard guard(Path dir, TrainingListener recorder) {
        return new Guard(dir, recorder, null);
    }

    /** As {@link #guard(Path, TrainingListener)}, holding LOCK, DIR's claim, until {@link Guard#close()}. */
    public static Guard guard(Path dir, TrainingListener recorder, RunFolderLock lock) {
        return new Guard(dir, recorder, lock);
    }

    /**
     * Turns the recorder's I/O failures into {@link #writeFailure}s: thrown at once during the run
     * (the trainer ends it as failed), kept quiet in onFinish so the other listeners still hear
     * the end, and thrown again by {@link #throwIfFailed()} once the trainer has returned.
     */
    public static final class Guard implements TrainingListener, AutoCloseable {
        private final Path dir;
        private final TrainingListener recorder;
        private final RunFolderLock lock;
        private UserInputException failure;
        private boolean closed;

        private Guard(Path dir, TrainingListener recorder, RunFolderLock lock) {
            this.dir = dir;
            this.recorder = recorder;
            this.lock = lock;
        }

        /** Gives up the run folder's claim, if this guard holds one (once the run has written its last file). */
        @Override
        public void close() {
            if (lock != null && !closed) {
                closed = true;
                try {
                    lock.close();
                } catch (java.io.IOException e) {
                    // the kernel drops the lock with the channel in any case
                }
            }
        }

        @Override
        public void onStart(RunInfo info) {
            guarded(() -> recorder.onStart(info));
        }

        @Override
        public void onBatch(BatchProgress progress) {
            guarded(() -> recorder.onBatch(progress));
        }

        @Override
        public void onSnapshot(TrainingSnapshot snapshot) {
            guarded(() -> recorder.onSnapshot(snapshot));
        }

        @Override
        public void onEpoch(EpochMetrics metrics) {
            guarded(() -> recorder.onEpoch(metrics));
        }

        @Override
        public void onCheckpoint(TrainingCheckpoint checkpoint) {
            guarded(() -> recorder.onCheckpoint(checkpoint));
        }

        @Override
        public void onFinish(TrainingResult result) {
            try {
                guarded(() -> recorder.onFinish(result));
            } catch (UserInputException e) {
                // kept in failure: the other listeners get onFinish first
            }
        }

        /** The first write failure, or null. */
        public UserInputException failure() {
            return failure;
        }

        /** Throws the first write failure, if any. */
        public void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }

        private void guarded(Runnable r) {
            try {
                r.run();
            } catch (UncheckedIOException e) {
                if (failure == null) {
                    failure = writeFailure(dir, e);
                }
                throw failure;
            }
        }
    }
}
