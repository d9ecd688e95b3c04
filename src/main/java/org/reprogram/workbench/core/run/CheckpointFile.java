package org.reprogram.workbench.core.run;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.train.Checkpoint;
import org.reprogram.workbench.core.train.TrainingCheckpoint;

/**
 * {@code checkpoint.bin}: the state to resume a run from, rewritten at every epoch end. Binary
 * (big-endian, float32 arrays as written), versioned, and replaced atomically through
 * {@link AtomicFiles} (temporary file, flushed to disk, renamed over the old one), so a crash at
 * any moment leaves either the previous or the new checkpoint, never a torn one.
 */
public final class CheckpointFile {

    public static final String NAME = "checkpoint.bin";
    private static final int MAGIC = 0x52574350; // "RWCP"
    private static final int VERSION = 1;

    private CheckpointFile() {}

    public static boolean exists(Path runDir) {
        return Files.isRegularFile(runDir.resolve(NAME));
    }

    public static void write(Path runDir, TrainingCheckpoint c) throws IOException {
        AtomicFiles.write(runDir.resolve(NAME), os -> {
            DataOutputStream out = new DataOutputStream(os);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(c.epoch());
            out.writeLong(c.step());
            writeState(out, c.current());
            out.writeBoolean(c.best() != null);
            if (c.best() != null) {
                writeState(out, c.best());
            }
            out.writeDouble(c.bestVal());
            out.writeLong(c.adam().t());
            out.writeInt(c.adam().m().length);
            for (int i = 0; i < c.adam().m().length; i++) {
                writeFloats(out, c.adam().m()[i]);
                writeFloats(out, c.adam().v()[i]);
            }
            out.writeInt(c.queries().length);
            for (long q : c.queries()) {
                out.writeLong(q);
            }
            out.writeLong(c.trainImages());
            out.writeDouble(c.trainNanos());
            out.writeDouble(c.wallSeconds());
            out.flush();
        });
    }

    /** The checkpoint of RUNDIR; a clear error when it is missing or damaged. */
    public static TrainingCheckpoint read(Path runDir) {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw UserInputException.forFile(runDir, "has no " + NAME + " (the run ended before its first epoch"
                    + " finished, or was made before checkpoints existed)", "start it again with train");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw UserInputException.forFile(file, "is not a checkpoint of this version", "start the run again");
            }
            int epoch = in.readInt();
            long step = in.readLong();
            Checkpoint current = readState(in);
            Checkpoint best = in.readBoolean() ? readState(in) : null;
            double bestVal = in.readDouble();
            long t = in.readLong();
            int n = in.readInt();
            float[][] m = new float[n][];
            float[][] v = new float[n][];
            for (int i = 0; i < n; i++) {
                m[i] = readFloats(in);
                v[i] = readFloats(in);
            }
            long[] queries = new long[in.readInt()];
            for (int i = 0; i < queries.length; i++) {
                queries[i] = in.readLong();
            }
            return new TrainingCheckpoint(epoch, step, current, best, bestVal,
                    new TrainingCheckpoint.AdamState(t, m, v), queries, in.readLong(), in.readDouble(), in.readDouble());
        } catch (EOFException e) {
            throw UserInputException.forFile(file, "is truncated", "start the run again", e);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "cannot read (" + e.getMessage() + ")", "check the file's permissions",
                    e);
        }
    }

    private static void writeState(DataOutputStream out, Checkpoint c) throws IOException {
        out.writeInt(c.epoch());
        writeFloats(out, c.program());
        writeFloats(out, c.mapping());
    }

    private static Checkpoint readState(DataInputStream in) throws IOException {
        return new Checkpoint(in.readInt(), readFloats(in), readFloats(in));
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) {
            for (float f : a) {
                out.writeFloat(f);
            }
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < -1 || n > 1 << 28) {
            throw new IOException("damaged array length " + n);
        }
        if (n < 0) {
            return null;
        }
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }
}
