package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.model.SourceExamples;

/** Example images of source classes: the built-in model's assets and a TorchScript sidecar's "examples" folder. */
class SourceExamplesTest {

    @TempDir
    Path tmp;

    /** Rows and columns of the box around pixels brighter than 0.2: {height, width}. */
    private static int[] contentBox(RasterImage img) {
        int top = img.height();
        int bottom = -1;
        int left = img.width();
        int right = -1;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                if (img.data()[y * img.width() + x] > 0.2f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[] {bottom - top + 1, right - left + 1};
    }

    @Test
    void builtinModelShipsFiveFashionMnistPicturesPerClass() {
        SourceExamples ex = SourceExamples.forSpec("builtin", 5);
        assertNull(ex.warning());
        assertEquals(10, ex.images().size());
        for (int c = 0; c < 10; c++) {
            assertEquals(5, ex.of(c).size(), "class " + c);
            for (RasterImage img : ex.of(c)) {
                assertEquals(1, img.channels());
                assertEquals(28, img.height());
                assertEquals(28, img.width());
            }
        }
        // the pictures are what the class says: trousers (1) are tall, sandals (5) and sneakers (7) are wide
        for (RasterImage trouser : ex.of(1)) {
            int[] box = contentBox(trouser);
            assertTrue(box[0] > box[1] * 1.5, "trouser box " + box[0] + "x" + box[1]);
        }
        for (int c : new int[] {5, 7}) {
            for (RasterImage shoe : ex.of(c)) {
                int[] box = contentBox(shoe);
                assertTrue(box[1] > box[0] * 1.5, "class " + c + " box " + box[0] + "x" + box[1]);
            }
        }
        assertEquals(2, SourceExamples.forSpec("builtin:fmnist-cnn", 2).of(9).size());
    }

    @Test
    void unknownBuiltinGivesNoPicturesAndSaysWhy() {
        SourceExamples ex = SourceExamples.forSpec("builtin:nope", 5);
        assertTrue(ex.isEmpty());
        assertTrue(ex.warning().contains("no built-in model named 'nope'"), ex.warning());
    }

    private Path sidecar(String examplesValue) throws IOException {
        Path model = tmp.resolve("net.pt");
        String extra = examplesValue == null ? "" : ", \"examples\": " + examplesValue;
        Files.writeString(tmp.resolve("net.pt.json"), "{\"inputShape\": [3, 16, 16], \"classNames\": [\"cat\", \"dog\","
                + " \"bird\"]" + extra + "}");
        return model;
    }

    private static void png(Path file, int w, int h, int gray) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, gray);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void sidecarFolderGivesTheFirstPicturesByNameOfEachIndexedClass() throws IOException {
        Path model = sidecar("\"pics\"");
        Path dir = tmp.resolve("pics");
        for (int i = 0; i < 7; i++) {
            png(dir.resolve("0/img" + i + ".png"), 10, 12, 20 * i);
        }
        png(dir.resolve("2/big.png"), 300, 200, 255);
        SourceExamples ex = SourceExamples.forSpec(model.toString(), 5);
        assertNull(ex.warning());
        assertEquals(3, ex.images().size());
        assertEquals(5, ex.of(0).size());
        assertEquals(20 * 4 / 255f, ex.of(0).get(4).data()[0], 1e-6f, "img4 is the fifth by name");
        assertEquals(12, ex.of(0).get(0).height());
        assertTrue(ex.of(1).isEmpty());
        RasterImage big = ex.of(2).get(0);
        assertTrue(Math.max(big.height(), big.width()) <= SourceExamples.MAX_SIDE, big.height() + "x" + big.width());
        assertEquals(1f, big.data()[0], 1e-6f);
        assertTrue(ex.of(7).isEmpty());
    }

    @Test
    void sidecarWithoutTheKeyHasNoPicturesAndNoWarning() throws IOException {
        SourceExamples ex = SourceExamples.forSpec(sidecar(null).toString(), 5);
        assertTrue(ex.isEmpty());
        assertEquals(3, ex.images().size());
        assertNull(ex.warning());
    }

    @Test
    void missingFolderNamesTheSidecarAndTheFix() throws IOException {
        SourceExamples ex = SourceExamples.forSpec(sidecar("\"nowhere\"").toString(), 5);
        assertTrue(ex.isEmpty());
        String w = ex.warning();
        assertTrue(w.startsWith(tmp.resolve("net.pt.json") + ": \"examples\" folder " + tmp.resolve("nowhere")), w);
        assertTrue(w.contains("not found. Fix: create it with one subfolder per source class named by its index"
                + " (0 = cat, 1 = dog, 2 = bird)"), w);
    }

    @Test
    void foldersNamedByClassNameAreRefusedWithTheIndexHint() throws IOException {
        Path model = sidecar("\"pics\"");
        png(tmp.resolve("pics/cat/a.png"), 8, 8, 100);
        png(tmp.resolve("pics/dog/a.png"), 8, 8, 100);
        SourceExamples ex = SourceExamples.forSpec(model.toString(), 5);
        assertTrue(ex.isEmpty());
        assertTrue(ex.warning().contains("has no subfolder named by a source class index 0..2 (found: cat, dog)."
                + " Fix: put the images of each source class in a subfolder named by its index (0 = cat"), ex.warning());
    }

    @Test
    void unreadableFilesAndStrayFoldersAreSkippedAndNamed() throws IOException {
        Path model = sidecar("\"pics\"");
        png(tmp.resolve("pics/1/b.png"), 8, 8, 100);
        Files.write(tmp.resolve("pics/1/a.png"), new byte[] {1, 2, 3});
        png(tmp.resolve("pics/3/a.png"), 8, 8, 100);
        SourceExamples ex = SourceExamples.forSpec(model.toString(), 5);
        assertEquals(1, ex.of(1).size());
        assertTrue(ex.of(3).isEmpty());
        String w = ex.warning();
        assertTrue(w.startsWith(tmp.resolve("net.pt.json").toString()), w);
        assertTrue(w.contains("ignored subfolders that are not a source class index 0..2: 3"), w);
        assertTrue(w.contains("skipped unreadable images: " + Path.of("1", "a.png")), w);
        assertTrue(w.contains("Fix: rename such a subfolder"), w);
    }

    @Test
    void nonStringKeyIsAWarning() throws IOException {
        SourceExamples ex = SourceExamples.forSpec(sidecar("[1, 2]").toString(), 5);
        assertTrue(ex.isEmpty());
        assertTrue(ex.warning().contains("\"examples\" must be a folder name, got [1,2]"), ex.warning());
    }

    @Test
    void brokenSidecarIsItsOwnMessage() throws IOException {
        Files.writeString(tmp.resolve("x.pt.json"), "{\"inputShape\": [3, 16, 16]}");
        SourceExamples ex = SourceExamples.forSpec(tmp.resolve("x.pt").toString(), 5);
        assertTrue(ex.isEmpty());
        assertTrue(ex.warning().contains("\"classNames\" must list at least two classes"), ex.warning());
        assertEquals(List.of(), ex.images());
    }
}
