package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;

/**
 * Issue 17, item 13: one 144-megapixel image no longer refuses the dataset (it is decoded
 * subsampled, in bounded memory), and one unreadable image refuses it only without
 * --skip-bad-images: the error names the file and the option; with it, the file is left out and
 * listed. The large images are generated here (one colour compresses to a small file).
 */
class SkipBadImagesTest {

    /** An 8-bit gray PNG of WIDTH x HEIGHT in one shade: about 150 KB for 12000 x 12000. */
    static void writeGrayPng(Path file, int width, int height, int shade) throws java.io.IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put(new byte[] {8, 0, 0, 0, 0}); // 8 bits, gray, deflate, no filter, no interlace
        chunk(out, "IHDR", ihdr.array());
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        byte[] first = new byte[1 + width];
        java.util.Arrays.fill(first, 1, first.length, (byte) shade);
        byte[] same = new byte[1 + width];
        same[0] = 2; // filter Up, all differences zero: the row above again
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat,
                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED), 1 << 16)) {
            z.write(first);
            for (int y = 1; y < height; y++) {
                z.write(same);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
    }

    private static void chunk(java.io.DataOutputStream out, String type, byte[] data) throws java.io.IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * Decoded in a JVM with a 384 MB heap: a full decode of 144 megapixels needs 576 MB for its
     * floats alone (and was refused before); every 2nd pixel of every 2nd row needs 144 MB.
     */
    @Test
    void a144MegapixelImageIsDecodedSubsampledWithinABoundedHeap(@TempDir Path tmp) throws Exception {
        Path huge = tmp.resolve("huge.png");
        writeGrayPng(huge, 12000, 12000, 77);
        assertTrue(Files.size(huge) < 1_000_000, "a small file: " + Files.size(huge));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), DecodeProbe.class.getName(), huge.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals("6000x6000x1", out.strip(), "every 2nd pixel of every 2nd row");
        assertEquals(2, ImageDecoder.subsampling(12000, 12000));
        assertEquals(1, ImageDecoder.subsampling(7000, 7000), "49 megapixels: decoded whole, as before");
        assertEquals(2, ImageDecoder.subsampling(7072, 7072), "50.01 megapixels");
        assertEquals(3, ImageDecoder.subsampling(20000, 20000), "400 megapixels: 44 decoded");
    }

    @Test
    void anUnreadableImageRefusesTheDatasetNamingTheFileAndTheOptionWhichLeavesItOut(@TempDir Path tmp)
            throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 4, 8, false);
        Files.writeString(data.resolve("classb/broken.png"), "not an image");

        UserInputException e = assertThrows(UserInputException.class, () -> TargetDatasets.open(data, 0));
        assertEquals(data.resolve("classb/broken.png") + ": is not a readable PNG/JPEG/BMP/GIF image. Fix: delete"
                + " the file or re-save it as PNG or JPEG; or leave unreadable images out with --skip-bad-images (in the"
                + " window: the 'Skip unreadable images' box under the target folder)", e.getMessage());

        writeGrayPng(data.resolve("classa/huge.png"), 8000, 7500, 200); // 60 megapixels
        TargetDataset d = TargetDatasets.open(data, 0, true);
        assertEquals(List.of("classb/broken.png (is not a readable PNG/JPEG/BMP/GIF image)"), d.skippedImages());
        assertEquals(9, d.train().size() + d.test().size(), "8 small images and the huge one");
        assertTrue(d.skippedNotice().startsWith("skipped 1 unreadable image of target 'data' (--skip-bad-images):"
                + " classb/broken.png"), d.skippedNotice());

        Files.delete(data.resolve("classa/huge.png"));
        Files.writeString(data.resolve("classb/broken2.png"), "not an image either");
        UserInputException two = assertThrows(UserInputException.class, () -> TargetDatasets.open(data, 0));
        assertTrue(two.getMessage().startsWith(data + ": 2 image files cannot be read: "), two.getMessage());
        assertTrue(two.getMessage().endsWith("; or leave unreadable images out with --skip-bad-images (in the window:"
                + " the 'Skip unreadable images' box under the target folder)"), two.getMessage());
    }

    @Test
    void aClassLeftWithoutReadableImagesIsStillAnError(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 2, 8, false);
        try (var files = Files.list(data.resolve("classb"))) {
            for (Path f : files.toList()) {
                Files.writeString(f, "broken");
            }
        }
        UserInputException e = assertThrows(UserInputException.class, () -> TargetDatasets.open(data, 0, true));
        assertEquals(data.resolve("classb") + ": class folder has no readable images (2 unreadable images skipped in"
                + " the dataset). Fix: add readable images or remove the folder", e.getMessage());
    }
}
