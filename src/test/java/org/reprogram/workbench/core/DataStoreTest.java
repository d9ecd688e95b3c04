package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.DataMemory;
import org.reprogram.workbench.core.data.IdxLoader;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.ImageFolderLoader;
import org.reprogram.workbench.core.data.LoadCancelledException;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.data.SplitPlan;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.BatchPrefetcher;
import org.reprogram.workbench.core.train.CanvasSplit;
import org.reprogram.workbench.core.train.FitLoop;

/**
 * The compact store and the disk streaming give exactly the images, labels and canvases of
 * decoding every file into floats up front (the old path), in the same order per seed.
 */
class DataStoreTest {

    private static final long STREAM = 1; // a budget of one byte forces disk streaming

    @Test
    void imageFolderInMemoryAndStreamedEqualTheDecodedFiles() throws Exception {
        TargetDataset memory = ImageFolderLoader.load(TestPaths.digits(), 0, 0.2, DataMemory.defaultBytes());
        TargetDataset disk = ImageFolderLoader.load(TestPaths.digits(), 0, 0.2, STREAM);
        assertFalse(memory.streamed(), memory.storage());
        assertTrue(disk.streamed(), disk.storage());
        assertTrue(memory.storage().startsWith("in memory"), memory.storage());
        // the old path: every file decoded into floats, in class order, files sorted
        Path train = TestPaths.digits().resolve("train");
        List<Path> files;
        try (Stream<Path> s = Files.walk(train)) {
            files = s.filter(Files::isRegularFile).filter(ImageDecoder::isImageFile).sorted().toList();
        }
        assertEquals(files.size(), memory.train().size());
        for (int i = 0; i < files.size(); i++) {
            float[] expected = ImageDecoder.read(files.get(i)).data();
            assertArrayEquals(expected, memory.train().images().get(i).data(), 0f, "in memory, image " + i);
            assertArrayEquals(expected, disk.train().images().get(i).data(), 0f, "streamed, image " + i);
        }
        sameSplits(memory, disk);
    }

    @Test
    void flatFolderSplitsAndCanvasesMatchInBothModes(@TempDir Path dir) throws Exception {
        Path data = DatasetFixtures.imageFolder(dir, 3, 10, 12, true);
        TargetDataset memory = ImageFolderLoader.load(data, 7, 0.2, DataMemory.defaultBytes());
        TargetDataset disk = ImageFolderLoader.load(data, 7, 0.2, STREAM);
        assertTrue(disk.streamed());
        sameSplits(memory, disk);
    }

    @Test
    void idxInMemoryAndStreamedAgree() throws Exception {
        Path idx = TestPaths.fixtures().resolve("idx");
        TargetDataset memory = IdxLoader.load(idx, DataMemory.defaultBytes());
        TargetDataset disk = IdxLoader.load(idx, STREAM);
        assertFalse(memory.streamed());
        assertTrue(disk.streamed(), disk.storage());
        // the old path: bytes / 255 in file order
        byte[] raw = Files.readAllBytes(idx.resolve("train-images-idx3-ubyte"));
        int side = memory.train().images().get(0).height();
        for (int i = 0; i < memory.train().size(); i++) {
            float[] expected = new float[side * side];
            for (int j = 0; j < expected.length; j++) {
                expected[j] = (raw[16 + i * expected.length + j] & 0xff) / 255f;
            }
            assertArrayEquals(expected, memory.train().images().get(i).data(), 0f);
            assertArrayEquals(expected, disk.train().images().get(i).data(), 0f);
        }
        sameSplits(memory, disk);
    }

    @Test
    void gzippedIdxStreamsFromAnUnpackedCopy(@TempDir Path dir) throws Exception {
        Path idx = TestPaths.fixtures().resolve("idx");
        try (Stream<Path> s = Files.list(idx)) {
            for (Path f : s.toList()) {
                try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve(f.getFileName() + ".gz")))) {
                    Files.copy(f, out);
                }
            }
        }
        TargetDataset plain = IdxLoader.load(idx, STREAM);
        TargetDataset gz = IdxLoader.load(dir, STREAM);
        assertTrue(gz.streamed());
        sameSplits(plain, gz);
    }

    @Test
    void prefetchedBatchesEqualDirectlyPlacedOnes() {
        TargetDataset d = ImageFolderLoader.load(TestPaths.digits(), 0, 0.2, STREAM);
        CanvasSplit split = new CanvasSplit(d.train(), new Placement(1, 32, 32, 20, 20));
        int[] order = FitLoop.permutation(split.size(), new Random(3));
        int batch = 37;
        BatchBuffer buffer = new BatchBuffer(batch, split.imageSize());
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu());
                BatchPrefetcher loader = new BatchPrefetcher(split, batch)) {
            for (int pass = 0; pass < 2; pass++) {
                loader.start(order);
                int from = 0;
                while (loader.hasNext()) {
                    BatchPrefetcher.Batch b = loader.next();
                    int to = Math.min(order.length, from + batch);
                    NDArray got = b.array(m);
                    NDArray expected = split.batch(m, order, from, to, buffer);
                    assertArrayEquals(expected.toFloatArray(), got.toFloatArray(), 0f, "batch at " + from);
                    assertArrayEquals(split.labels(order, from, to), b.labels());
                    from = to;
                }
                assertEquals(order.length, from, "every item once per pass");
            }
        }
    }

    @Test
    void interruptedLoadingStopsWithinASecond(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("big");
        Random rnd = new Random(1);
        for (int c = 0; c < 2; c++) {
            Path cdir = Files.createDirectories(root.resolve("c" + c));
            for (int i = 0; i < 1500; i++) {
                BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 96; y += 4) {
                    img.setRGB(rnd.nextInt(96), y, rnd.nextInt());
                }
                ImageIO.write(img, "png", cdir.resolve(i + ".png").toFile());
            }
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                ImageFolderLoader.load(root, 0, 0.2, DataMemory.defaultBytes());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        Thread.sleep(150);
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(1000);
        assertFalse(t.isAlive(), "still loading a second after the interrupt");
        assertInstanceOf(LoadCancelledException.class, failure.get(), "loading 3000 images must not finish in 150 ms");
        assertTrue((System.nanoTime() - t0) / 1e9 < 1.0);
    }

    /** Same labels, same images and same canvases (pad and full placement) per index, and the same seeded plan. */
    private static void sameSplits(TargetDataset a, TargetDataset b) {
        assertEquals(a.classNames(), b.classNames());
        sameSplit(a.train(), b.train());
        sameSplit(a.test(), b.test());
        SplitPlan pa = SplitPlan.make(a.train().labels(), a.numClasses(), 0.1, 0, 5);
        SplitPlan pb = SplitPlan.make(b.train().labels(), b.numClasses(), 0.1, 0, 5);
        assertArrayEquals(pa.train(), pb.train());
        assertArrayEquals(pa.validation(), pb.validation());
        Split va = a.train().subset(pa.validation());
        Split vb = b.train().subset(pb.validation());
        sameSplit(va, vb);
        for (Placement p : List.of(new Placement(1, 32, 32, 16, 16), new Placement(3, 40, 40, 40, 40),
                new Placement(3, 37, 29, 5, 23), new Placement(1, 9, 9, 3, 3))) {
            CanvasSplit ca = new CanvasSplit(va, p);
            CanvasSplit cb = new CanvasSplit(vb, p);
            for (int i = 0; i < ca.size(); i++) {
                float[] old = oldPlacement(p, eager(va, i));
                assertArrayEquals(old, ca.canvas(i), 0f);
                assertArrayEquals(old, cb.canvas(i), 0f);
            }
        }
    }

    /** The placement before canvases were placed per batch: channels, resize, copy into the window. */
    private static float[] oldPlacement(Placement p, RasterImage img) {
        float[] out = new float[p.canvasSize()];
        float[] src = img.withChannels(p.channels()).resize(p.innerHeight(), p.innerWidth()).data();
        for (int c = 0; c < p.channels(); c++) {
            for (int y = 0; y < p.innerHeight(); y++) {
                System.arraycopy(src, (c * p.innerHeight() + y) * p.innerWidth(), out,
                        c * p.height() * p.width() + (p.top() + y) * p.width() + p.left(), p.innerWidth());
            }
        }
        return out;
    }

    private static RasterImage eager(Split s, int i) {
        RasterImage r = s.images().get(i);
        return new RasterImage(r.channels(), r.height(), r.width(), r.data().clone());
    }

    private static void sameSplit(Split a, Split b) {
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.images().get(i).data(), b.images().get(i).data(), 0f, "image " + i);
        }
    }
}
