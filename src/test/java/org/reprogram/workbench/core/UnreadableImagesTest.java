package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.TargetDatasets;

/**
 * Issue 9: images beyond any camera (over 500 megapixels) are refused from their header; every
 * unreadable file is named in one error. (Issue 17 raised the limit from 50 megapixels: larger
 * images up to it are decoded subsampled, see SkipBadImagesTest.)
 */
class UnreadableImagesTest {

    /**
     * A valid 1-bit gray PNG of WIDTH x HEIGHT, all black: about 100 KB on disk for 30000 x 30000,
     * gigabytes once decoded to floats.
     */
    static void writeBlackPng(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {1, 0, 0, 0, 0}); // bit depth 1, gray, deflate, no filter, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            byte[] row = new byte[1 + (width + 7) / 8]; // filter byte 0 + packed bits, all zero
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        Files.write(file, png.toByteArray());
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void aHugeImageIsRefusedFromItsHeaderWithoutDecoding(@TempDir Path tmp) throws Exception {
        Path small = tmp.resolve("small.png");
        writeBlackPng(small, 40, 30);
        assertEquals(40, ImageDecoder.read(small).width(), "small images still decode");
        Path huge = tmp.resolve("huge.png");
        writeBlackPng(huge, 30000, 30000);
        assertTrue(Files.size(huge) < 1_000_000, "a small file: " + Files.size(huge));

        long before = allocatedBytes();
        long t0 = System.nanoTime();
        UserInputException e = assertThrows(UserInputException.class, () -> ImageDecoder.read(huge));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long allocated = allocatedBytes() - before;
        assertEquals(huge + ": is 30000 x 30000 pixels (900 megapixels), more than the limit of 500 megapixels. Fix:"
                + " scale the image down or remove it from the dataset", e.getMessage());
        assertTrue(seconds < 1, "refused in " + seconds + " s");
        assertTrue(allocated < 16L << 20, "refused without decoding: " + (allocated >> 20) + " MB allocated");
        assertEquals(500_000_000L, ImageDecoder.MAX_PIXELS);
    }

    @Test
    void threeBrokenFilesAreOneErrorNamingEachWithItsReason(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 3, 8, false);
        Files.writeString(data.resolve("classa/broken.png"), "not an image");
        byte[] jpeg = Files.readAllBytes(DatasetFixtures.imageFolder(tmp.resolve("rgb"), 2, 1, 16, true)
                .resolve("classa/0.jpg"));
        Files.write(data.resolve("classb/truncated.jpg"), java.util.Arrays.copyOf(jpeg, 40));
        writeBlackPng(data.resolve("classb/huge.png"), 30000, 30000);

        UserInputException e = assertThrows(UserInputException.class, () -> TargetDatasets.open(data, 0));
        String m = e.getMessage();
        assertTrue(m.startsWith(data + ": 3 image files cannot be read: "), m);
        assertTrue(m.contains(Path.of("classa", "broken.png") + " (is not a readable PNG/JPEG/BMP/GIF image)"), m);
        assertTrue(m.contains(Path.of("classb", "truncated.jpg") + " (cannot decode image ("), m);
        assertTrue(m.contains(Path.of("classb", "huge.png") + " (is 30000 x 30000 pixels (900 megapixels), more than"
                + " the limit of 500 megapixels)"), m);
        assertTrue(m.contains("Fix: for each file: delete the file or re-save it as PNG or JPEG; scale the image down"), m);
    }

    @Test
    void manyBrokenFilesAreCountedAfterTheFirstTwenty(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 3, 8, false);
        for (int i = 0; i < 25; i++) {
            Files.writeString(data.resolve("classa/bad" + (100 + i) + ".png"), "garbage");
        }
        UserInputException e = assertThrows(UserInputException.class, () -> TargetDatasets.open(data, 0));
        String m = e.getMessage();
        assertTrue(m.contains("25 image files cannot be read") && m.contains("bad119.png")
                && !m.contains("bad120.png") && m.contains(" and 5 more."), m);
    }
}
