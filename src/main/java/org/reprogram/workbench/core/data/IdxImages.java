package org.reprogram.workbench.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.RandomAccess;
import org.reprogram.workbench.core.UserInputException;

/**
 * The images of an uncompressed IDX file read on demand with positional reads (the streaming
 * form of an IDX dataset larger than the data-memory budget). Thread-safe: positional reads
 * do not move a shared file position. The channel closes when the JVM exits.
 */
final class IdxImages extends AbstractList<RasterImage> implements RandomAccess {

    private static final int HEADER = 16;

    private final Path file;
    private final FileChannel channel;
    private final int count;
    private final int rows;
    private final int cols;

    IdxImages(Path file, int count, int rows, int cols) {
        this.file = file;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "cannot open (" + e.getMessage() + ")", "check the file's permissions", e);
        }
    }

    @Override
    public RasterImage get(int index) {
        int n = rows * cols;
        ByteBuffer buf = ByteBuffer.allocate(n);
        long pos = HEADER + (long) index * n;
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf, pos + buf.position()) < 0) {
                    throw UserInputException.forFile(file, "ended early at image " + index + " (was it changed while"
                            + " training?)", "copy the file again and restart the run");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read image " + index + " (" + e.getMessage() + ")", e);
        }
        byte[] b = buf.array();
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (b[i] & 0xff) / 255f;
        }
        return new RasterImage(1, rows, cols, f);
    }

    @Override
    public int size() {
        return count;
    }
}
