package org.reprogram.workbench.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.reprogram.workbench.core.UserInputException;

/**
 * Reads MNIST-format IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-*} or {@code test-*}; optionally gzipped) from a folder. Classes are "0".."K-1".
 */
public final class IdxLoader {

    private static final String FIX = "put train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte"
            + " and t10k-labels-idx1-ubyte (optionally .gz) in the folder";

    private IdxLoader() {}

    /** True when DIR holds IDX training images. */
    public static boolean looksLikeIdx(Path dir) {
        return find(dir, "train", "images", 3) != null;
    }

    public static TargetDataset load(Path dir) {
        return load(dir, DataMemory.defaultBytes());
    }

    /** As above; when the images take more than BUDGET bytes they are read from the file per batch. */
    public static TargetDataset load(Path dir, long budget) {
        Path trImg = require(dir, "train", "images", 3);
        Path trLab = require(dir, "train", "labels", 1);
        Path teImg = find(dir, "t10k", "images", 3);
        Path teLab = find(dir, "t10k", "labels", 1);
        if (teImg == null) {
            teImg = require(dir, "test", "images", 3);
            teLab = require(dir, "test", "labels", 1);
        } else if (teLab == null) {
            teLab = require(dir, "t10k", "labels", 1);
        }
        long bytes = header(trImg).bytes() + header(teImg).bytes();
        boolean streaming = bytes > budget;
        List<RasterImage> train = streaming ? onDisk(trImg) : readImages(trImg);
        int[] trainLabels = readLabels(trLab, train.size());
        List<RasterImage> test = streaming ? onDisk(teImg) : readImages(teImg);
        int[] testLabels = readLabels(teLab, test.size());
        String storage = streaming ? "streamed from disk (" + DataMemory.describe(bytes) + " is more than the data-memory"
                + " budget of " + DataMemory.describe(budget) + ")" : "in memory, " + DataMemory.describe(bytes);
        int k = 0;
        for (int l : trainLabels) {
            k = Math.max(k, l + 1);
        }
        requireNoGaps(trLab, trainLabels, k);
        for (int l : testLabels) {
            if (l >= k) {
                throw UserInputException.forFile(teLab, "test label " + l + " does not occur in the training labels",
                        "use train and test files of the same dataset");
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new TargetDataset(name, dir, "idx", names, new Split(train, trainLabels), new Split(test, testLabels), false,
                storage);
    }

    /**
     * Classes are the labels 0..K-1: a label that never occurs in the training labels would be a
     * class without images (nothing could learn it), so it is an error (see {@link DataChecks}).
     */
    private static void requireNoGaps(Path labelFile, int[] labels, int k) {
        boolean[] seen = new boolean[k];
        for (int l : labels) {
            seen[l] = true;
        }
        List<Integer> gaps = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (!seen[c]) {
                gaps.add(c);
            }
        }
        if (!gaps.isEmpty()) {
            String shown = gaps.subList(0, Math.min(10, gaps.size())).toString().replaceAll("[\\[\\]]", "")
                    + (gaps.size() > 10 ? " and " + (gaps.size() - 10) + " more" : "");
            throw UserInputException.forFile(labelFile, "labels run from 0 to " + (k - 1) + " but "
                    + (gaps.size() == 1 ? "label " + shown + " never occurs" : "labels " + shown + " never occur")
                    + ": each would be a class without images", "number the classes 0.." + (k - 1 - gaps.size())
                    + " without gaps (the labels are the class indices)");
        }
    }

    private static Path require(Path dir, String prefix, String kind, int dims) {
        Path p = find(dir, prefix, kind, dims);
        if (p == null) {
            throw UserInputException.forFile(dir, "missing " + prefix + "-" + kind + "-idx" + dims + "-ubyte", FIX);
        }
        return p;
    }

    private static Path find(Path dir, String prefix, String kind, int dims) {
        for (String sep : new String[] {"-", "."}) {
            for (String gz : new String[] {"", ".gz"}) {
                Path p = dir.resolve(prefix + "-" + kind + sep + "idx" + dims + "-ubyte" + gz);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static DataInputStream open(Path p) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(p));
        if (p.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new DataInputStream(in);
    }

    private record Header(int count, int rows, int cols) {
        long bytes() {
            return (long) count * rows * cols;
        }
    }

    /** Reads and checks the header of image file P. */
    private static Header header(Path p) {
        try (DataInputStream in = open(p)) {
            return header(p, in);
        } catch (EOFException e) {
            throw UserInputException.forFile(p, "is truncated", "download or copy the file again", e);
        } catch (IOException e) {
            throw UserInputException.forFile(p, "cannot read (" + e.getMessage() + ")", FIX, e);
        }
    }

    private static Header header(Path p, DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != 0x00000803) {
            throw UserInputException.forFile(p, "not an IDX image file (magic " + Integer.toHexString(magic) + ")", FIX);
        }
        Header h = new Header(in.readInt(), in.readInt(), in.readInt());
        boolean gz = p.getFileName().toString().endsWith(".gz");
        if (h.count() < 0 || h.rows() <= 0 || h.cols() <= 0 || h.rows() > 4096 || h.cols() > 4096
                || (!gz && h.bytes() + 16 > Files.size(p))) {
            throw UserInputException.forFile(p, "header declares " + h.count() + " images of " + h.rows() + "x" + h.cols()
                    + " which the file cannot hold", "download or copy the file again");
        }
        return h;
    }

    private static List<RasterImage> readImages(Path p) {
        try (DataInputStream in = open(p)) {
            Header h = header(p, in);
            CompactImages out = new CompactImages();
            for (int i = 0; i < h.count(); i++) {
                LoadCancelledException.check(p);
                byte[] buf = new byte[h.rows() * h.cols()];
                in.readFully(buf);
                out.appendBytes(1, h.rows(), h.cols(), buf);
            }
            return out;
        } catch (EOFException e) {
            throw UserInputException.forFile(p, "is truncated", "download or copy the file again", e);
        } catch (IOException e) {
            throw UserInputException.forFile(p, "cannot read (" + e.getMessage() + ")", FIX, e);
        }
    }

    /** The images of P read per batch; a gzipped file is unpacked once into a temporary file. */
    private static List<RasterImage> onDisk(Path p) {
        Header h = header(p);
        Path file = p;
        if (p.getFileName().toString().endsWith(".gz")) {
            try {
                file = Files.createTempFile("reprogram-idx-", ".idx3-ubyte");
                file.toFile().deleteOnExit();
                try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
                    Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw UserInputException.forFile(p, "cannot unpack into a temporary file (" + e.getMessage() + ")",
                        "free disk space in " + System.getProperty("java.io.tmpdir") + " or unpack the file yourself", e);
            }
            try {
                if (Files.size(file) < h.bytes() + 16) {
                    throw UserInputException.forFile(p, "is truncated", "download or copy the file again");
                }
            } catch (IOException e) {
                throw UserInputException.forFile(file, "cannot read (" + e.getMessage() + ")", FIX, e);
            }
        }
        return new IdxImages(file, h.count(), h.rows(), h.cols());
    }

    private static int[] readLabels(Path p, int expected) {
        try (DataInputStream in = open(p)) {
            int magic = in.readInt();
            if (magic != 0x00000801) {
                throw UserInputException.forFile(p, "not an IDX label file (magic " + Integer.toHexString(magic) + ")", FIX);
            }
            int n = in.readInt();
            if (n != expected) {
                throw UserInputException.forFile(p, "has " + n + " labels but the image file has " + expected,
                        "use the label file that belongs to the image file");
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readUnsignedByte();
            }
            return labels;
        } catch (EOFException e) {
            throw UserInputException.forFile(p, "is truncated", "download or copy the file again", e);
        } catch (IOException e) {
            throw UserInputException.forFile(p, "cannot read (" + e.getMessage() + ")", FIX, e);
        }
    }
}
