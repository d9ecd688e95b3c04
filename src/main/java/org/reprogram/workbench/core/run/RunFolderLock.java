package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.UserInputException;

/**
 * One writer per run folder: an operating-system lock on the hidden file {@value #NAME} in the
 * folder, taken before any work (train, resume, baseline, demo, the window) and held until the
 * run has written its last file. A second process (or a second run in this one) that claims the
 * folder meanwhile gets a {@link UserInputException} and touches nothing. The kernel drops the
 * lock when its process dies, so a killed run never blocks its folder. Claiming removes the
 * temporary files a killed writer left ({@link AtomicFiles#removeTemps}).
 *
 * <p>The claim is reentrant for the thread that holds it (the CLI claims --out before loading,
 * the launcher claims again when it records). {@link #close()} deletes the lock file while still
 * holding the lock; a process that opened the old file meanwhile notices, because the path no
 * longer names the file it locked, and tries again. The lock file is never opened a second time
 * by its holder (closing any descriptor of a file drops the process's POSIX locks on it).
 */
public final class RunFolderLock implements AutoCloseable {

    /** The lock file inside the run folder. */
    public static final String NAME = ".lock";

    private static final Map<Path, RunFolderLock> HELD = new ConcurrentHashMap<>();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final Thread owner;
    private final boolean createdDir;
    private int holds = 1;

    private RunFolderLock(Path dir, FileChannel channel, FileLock lock, boolean createdDir) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.owner = Thread.currentThread();
        this.createdDir = createdDir;
    }

    /**
     * Claims run folder DIR, creating it (and its parents) when CREATE is set and it is missing.
     * Throws a {@link UserInputException} naming DIR when another process or thread holds it, and
     * the I/O error when the lock file cannot be written.
     */
    public static RunFolderLock claim(Path dir, boolean create) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (HELD) {
            RunFolderLock held = HELD.get(key);
            if (held != null) {
                if (held.owner != Thread.currentThread()) {
                    throw busy(dir, "another run of this program");
                }
                held.holds++;
                return held;
            }
            boolean created = false;
            if (create && !Files.isDirectory(key)) {
                Files.createDirectories(key);
                created = true;
            }
            for (int attempt = 0; ; attempt++) {
                RunFolderLock l = tryClaim(dir, key, created);
                if (l != null) {
                    HELD.put(key, l);
                    AtomicFiles.removeTemps(key);
                    return l;
                }
                if (attempt >= 3) {
                    throw busy(dir, "another process");
                }
            }
        }
    }

    /** The lock, null when the file was deleted under us (try again); throws when another process holds it. */
    private static RunFolderLock tryClaim(Path dir, Path key, boolean created) throws IOException {
        Path file = key.resolve(NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            Object opened = fileKey(file); // never open the file a second time: closing that would drop the lock
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw busy(dir, "another process");
            }
            if (opened == null || !opened.equals(fileKey(file))) { // the file we locked was deleted by its last holder
                lock.release();
                ch.close();
                return null;
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new RunFolderLock(key, ch, lock, created);
        } catch (IOException | RuntimeException e) {
            if (ch.isOpen()) {
                ch.close();
            }
            throw e;
        }
    }

    /** The identity of FILE (device and inode), from its attributes without opening it; null when it is gone. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static UserInputException busy(Path dir, String who) {
        return UserInputException.forFile(dir, "is in use by " + who + " (a run trains, resumes or records a"
                + " baseline in it now)", "wait until that run has ended, or choose another folder");
    }

    /** The claimed folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Gives the claim up (the last close of a reentrant claim releases it): the lock file is
     * deleted, and a folder this claim created is removed again when nothing was written into it
     * (a run refused before it started leaves no empty folder).
     */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (--holds > 0) {
                return;
            }
            HELD.remove(dir);
            try {
                Files.deleteIfExists(dir.resolve(NAME));
                if (createdDir && isEmpty(dir)) {
                    Files.deleteIfExists(dir);
                }
            } finally {
                lock.release();
                channel.close();
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
