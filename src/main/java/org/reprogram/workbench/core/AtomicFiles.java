package org.reprogram.workbench.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file writing. A whole file is written to a hidden temporary file in the same folder
 * ({@code .NAME.RANDOM.tmp}), forced to disk and renamed over the target in one step, so a reader
 * (or the next start after a crash) sees the old file or the new one, never half of one. The
 * temporary file is created like any new file ({@link Files#createFile}), so the result gets the
 * default permissions of the user's umask (e.g. {@code -rw-r--r--}), not the owner-only ones of
 * {@link Files#createTempFile}: exported files stay readable by others.
 */
public final class AtomicFiles {

    /** Writes a file's content to OUT. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A step between writing the temporary file and renaming it (tests simulate a crash there). */
    interface BeforeRename {
        void run(Path tmp) throws IOException;
    }

    private AtomicFiles() {}

    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path file, Content content) throws IOException {
        write(file, content, tmp -> { });
    }

    /** Copies SRC to DEST atomically; DEST gets default permissions (not SRC's). */
    public static void copy(Path src, Path dest) throws IOException {
        write(dest, out -> Files.copy(src, out));
    }

    static void write(Path file, Content content, BeforeRename beforeRename) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStaleTemps(dir, file.getFileName().toString());
        Path tmp = createTemp(dir, file.getFileName().toString());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch))) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            beforeRename.run(tmp);
            FaultPoints.reach("before-rename:" + file.getFileName());
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames SRC to DEST in one step where the file system can, replacing DEST. */
    public static void move(Path src, Path dest) throws IOException {
        try {
            Files.move(src, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(src, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A temporary file untouched this long is a leftover of a killed writer (a live writer renames
     * its file within moments of its last write), so the next write of the same name removes it.
     */
    static final long STALE_MILLIS = 10 * 60 * 1000L;

    /** Removes NAME's temporary files in DIR left by a killed writer (see {@link #STALE_MILLIS}). */
    private static void removeStaleTemps(Path dir, String name) {
        long before = System.currentTimeMillis() - STALE_MILLIS;
        try (java.nio.file.DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                p -> isTempOf(p.getFileName().toString(), name))) {
            for (Path t : temps) {
                if (Files.isRegularFile(t, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(t).toMillis() < before) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover costs disk space, never correctness
        }
    }

    /**
     * Removes every temporary file of this class in DIR (not in subfolders), whatever its age: for
     * a folder this process has claimed ({@code RunFolderLock}), where no other writer can be
     * active. Returns how many were removed.
     */
    public static int removeTemps(Path dir) {
        int n = 0;
        try (java.nio.file.DirectoryStream<Path> temps = Files.newDirectoryStream(dir,
                p -> isTempOf(p.getFileName().toString(), null))) {
            for (Path t : temps) {
                if (Files.isRegularFile(t, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(t)) {
                    n++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
        return n;
    }

    /** True for {@code .NAME.RANDOM.tmp} (any NAME when NAME is null). */
    static boolean isTempOf(String file, String name) {
        if (!file.startsWith(".") || !file.endsWith(".tmp")) {
            return false;
        }
        String core = file.substring(1, file.length() - 4); // NAME.RANDOM
        int dot = core.lastIndexOf('.');
        if (dot <= 0 || !core.substring(dot + 1).matches("[0-9a-z]{1,13}")) {
            return false;
        }
        return name == null || core.substring(0, dot).equals(name);
    }

    /** A new empty hidden file next to the target, created with the default permissions. */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException taken) {
                // try another name
            }
        }
    }

    /**
     * Appends LINE and a newline to FILE (created if missing), synced to disk. If a crash left the
     * file's last line unfinished (no trailing newline), a newline is written first, so LINE never
     * merges with the torn line; readers skip the torn line.
     */
    public static void appendLine(Path file, String line) throws IOException {
        String prefix = endsWithoutNewline(file) ? "\n" : "";
        Files.write(file, (prefix + line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /**
     * Appends LINE to a small line-based FILE by rewriting it atomically: the old lines, without a
     * torn (unterminated) last line, then LINE. For files that readers must never see half-written
     * (metrics.csv).
     */
    public static void appendLineAtomically(Path file, String line) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int end = old.lastIndexOf('\n') + 1; // drop an unterminated last line
        writeString(file, old.substring(0, end) + line + "\n");
    }

    private static boolean endsWithoutNewline(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long n = f.length();
            if (n == 0) {
                return false;
            }
            f.seek(n - 1);
            return f.read() != '\n';
        }
    }
}
