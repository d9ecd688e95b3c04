package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.run.Baselines;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.RunStatus;

/** Issue 9: unwritable run folders fail before loading, write failures during a run name the folder. */
class RunFolderAccessTest {

    private static final TargetDataset DIGITS = TargetDatasets.open(TestPaths.digits(), 0);

    @Test
    void unwritableFoldersAreRefusedWithThePathAndTheFix(@TempDir Path tmp) throws Exception {
        RunFolderAccess.requireWritable(tmp.resolve("new").resolve("run")); // fine: can be created
        Path file = Files.writeString(tmp.resolve("file"), "x");
        UserInputException below = assertThrows(UserInputException.class,
                () -> RunFolderAccess.requireWritable(file.resolve("run")));
        assertTrue(below.getMessage().startsWith(file.resolve("run") + ": cannot be created: " + file
                + " is a file, not a folder. Fix: "), below.getMessage());
        UserInputException itself = assertThrows(UserInputException.class, () -> RunFolderAccess.requireWritable(file));
        assertTrue(itself.getMessage().contains("is a file, not a folder"), itself.getMessage());

        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (!Files.isWritable(readOnly)) { // not root: the permission bits hold
                UserInputException ro = assertThrows(UserInputException.class,
                        () -> RunFolderAccess.requireWritable(readOnly.resolve("runs")));
                assertTrue(ro.getMessage().contains(readOnly + " is not writable"), ro.getMessage());
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDiskDuringTheRunIsOneMessageWithFolderAndFix(@TempDir Path tmp) {
        TrainingListener fullDisk = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics m) {
                throw new UncheckedIOException("cannot write run files: No space left on device",
                        new IOException("No space left on device"));
            }
        };
        RunFolderAccess.Guard guard = RunFolderAccess.guard(tmp, fullDisk);
        UserInputException e = assertThrows(UserInputException.class, () -> guard.onEpoch(null));
        assertEquals(tmp + ": cannot write the run files (No space left on device). Fix: free disk space or choose"
                + " another folder with --out", e.getMessage());
        guard.onFinish(null); // quiet: the other listeners still hear the end
        assertThrows(UserInputException.class, guard::throwIfFailed);
    }

    /** Replaces the run folder by a file after the first epoch; records the end. */
    private static final class Saboteur implements TrainingListener {
        final Path dir;
        final List<Object> events = new CopyOnWriteArrayList<>();

        Saboteur(Path dir) {
            this.dir = dir;
        }

        @Override
        public void onEpoch(EpochMetrics m) {
            events.add(m);
            if (m.epoch() == 1) {
                try {
                    Files.move(dir, dir.resolveSibling("moved-away"));
                    Files.writeString(dir, "not a folder any more");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void onFinish(TrainingResult r) {
            events.add(r);
        }
    }

    @Test
    void aFolderLostDuringReprogrammingEndsTheRunWithOneMessage(@TempDir Path tmp) {
        Path dir = tmp.resolve("run");
        Saboteur l = new Saboteur(dir);
        RunSpec config = RunSpec.defaults(TestPaths.digits().toString()).with(Settings.EPOCHS, 5)
                .with(Settings.SHOTS, 5).with(Settings.VAL_FRACTION, 0.1);
        UserInputException e = assertThrows(UserInputException.class,
                () -> RunLauncher.run(config, DIGITS, dir, l, new TrainingControl(), 0));
        assertTrue(e.getMessage().startsWith(dir + ": cannot write the run files (Not a directory"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Fix: " + RunFolderAccess.FIX), e.getMessage());
        assertEquals(1, l.events.stream().filter(o -> o instanceof EpochMetrics).count(), "the run ends at once");
        TrainingResult r = (TrainingResult) l.events.get(l.events.size() - 1);
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals(e.getMessage(), r.message(), "no exception class name in the result either");
    }

    @Test
    void aFolderLostDuringABaselineEndsTheRunWithOneMessage(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Saboteur l = new Saboteur(dir);
        Path data = DatasetFixtures.imageFolder(tmp, 2, 10, 8, false);
        RunSpec config = RunSpec.baseline(Method.LINEAR_PROBE, data.toString()).with(Settings.EPOCHS, 4);
        UserInputException e = assertThrows(UserInputException.class,
                () -> Baselines.run(config, () -> dir, l, new TrainingControl()));
        assertTrue(e.getMessage().startsWith(dir + ": cannot write the run files"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        assertEquals(1, l.events.stream().filter(o -> o instanceof EpochMetrics).count(), "the run ends at once");
    }
}
