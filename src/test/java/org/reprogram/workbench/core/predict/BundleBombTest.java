package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.Settings;

/**
 * Issue 17, item 8: a hostile bundle cannot make predict write more than the bundle's own
 * declared contents. Names and sizes are checked against SHA256SUMS and bundle.json before
 * anything is written; an entry is cut off at its declared size while it streams; the total is
 * capped. The bombs are generated here: 64 MB of zeros pack into about 64 KB, and every bomb's
 * SHA256SUMS is rewritten to match it (as an attacker would), so only the sizes can give it away.
 */
class BundleBombTest {

    private static final Path GOOD = TestPaths.fixtures().resolve("bundle/pad-ilm.zip");
    private static final String MODEL = "model/tiny_cnn.pt";
    private static final long ZEROS = 64L << 20;

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Content zeros(long n) {
        return out -> {
            byte[] block = new byte[1 << 20];
            for (long left = n; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        };
    }

    private static Content bytes(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * GOOD with CHANGES (name -> new content, added at the end when new) and a SHA256SUMS that
     * lists every entry with its true checksum: internally consistent, as a forger would make it.
     */
    private static Path forge(Path out, Map<String, Content> changes) throws IOException {
        Map<String, Content> all = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(GOOD.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data = in.getInputStream(e).readAllBytes();
                if (!e.getName().equals(Checksums.FILE)) {
                    all.put(e.getName(), o -> o.write(data));
                }
            }
        }
        all.putAll(changes);
        Map<String, String> sums = new LinkedHashMap<>();
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, Content> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                MessageDigest digest = Checksums.digest();
                e.getValue().writeTo(new DigestOutputStream(zip, digest) {
                    @Override
                    public void close() {}
                });
                zip.closeEntry();
                sums.put(e.getKey(), Checksums.hex(digest.digest()));
            }
            zip.putNextEntry(new ZipEntry(Checksums.FILE));
            zip.write(Checksums.format(sums).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out;
    }

    /** Rewrites the uncompressed size of NAME in ZIPFILE's central directory (what readers trust). */
    private static void patchDeclaredSize(Path zipFile, String name, int size) throws IOException {
        byte[] b = Files.readAllBytes(zipFile);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + 46 < b.length; i++) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 1 && b[i + 3] == 2
                    && u16(b, i + 28) == n.length && java.util.Arrays.equals(b, i + 46, i + 46 + n.length, n, 0, n.length)) {
                for (int k = 0; k < 4; k++) {
                    b[i + 24 + k] = (byte) (size >>> (8 * k));
                }
                patched++;
            }
        }
        assertEquals(1, patched, "one central directory entry for " + name);
        Files.write(zipFile, b);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static UserInputException refusedBeforeWriting(Path bundle) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            // check() has no folder to write to: a refusal here is a refusal before any byte is written
            return assertThrows(UserInputException.class,
                    () -> BundleEntries.check(zip, bundle, BundleEntries.Limits.DEFAULT));
        }
    }

    private static void assertPredictRefuses(Path bundle, String mustMention) {
        UserInputException e = assertThrows(UserInputException.class, () -> Predictor.open(bundle, null, "cpu").close());
        assertTrue(e.getMessage().startsWith(bundle + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(mustMention), "'" + mustMention + "' missing in: " + e.getMessage());
        assertTrue(e.getMessage().contains("Fix: export the bundle again"), e.getMessage());
    }

    @Test
    void theGoodBundlePassesTheCheckAndUnpacksToWhatItDeclares(@TempDir Path tmp) throws Exception {
        try (ZipFile zip = new ZipFile(GOOD.toFile())) {
            BundleEntries entries = BundleEntries.check(zip, GOOD, BundleEntries.Limits.DEFAULT);
            Path dir = Files.createDirectories(tmp.resolve("unpacked"));
            entries.extractTo(dir);
            assertTrue(Files.isRegularFile(dir.resolve(MODEL)));
            assertTrue(bytesUnder(dir) <= entries.totalBytes(), bytesUnder(dir) + " > " + entries.totalBytes());
        }
    }

    @Test
    void aHighlyCompressibleHugeEntryIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path bomb = forge(tmp.resolve("bomb.zip"), Map.of(MODEL, zeros(ZEROS)));
        assertTrue(Files.size(bomb) < 1L << 20, "a small file on disk: " + Files.size(bomb));
        UserInputException e = refusedBeforeWriting(bomb);
        assertTrue(e.getMessage().contains(MODEL + " would unpack from ") && e.getMessage().contains(" to 64.0 MB")
                && e.getMessage().contains("a zip bomb"), e.getMessage());
        assertPredictRefuses(bomb, "a zip bomb");
    }

    @Test
    void anEntryThatLiesAboutItsSizeIsCutOffAtTheDeclaredSize(@TempDir Path tmp) throws Exception {
        Path bomb = forge(tmp.resolve("liar.zip"), Map.of(MODEL, zeros(ZEROS)));
        int declared = 33_844; // what the real model declares
        patchDeclaredSize(bomb, MODEL, declared);
        Path dir = Files.createDirectories(tmp.resolve("unpacked"));
        try (ZipFile zip = new ZipFile(bomb.toFile())) {
            assertEquals(declared, zip.getEntry(MODEL).getSize());
            BundleEntries entries = BundleEntries.check(zip, bomb, BundleEntries.Limits.DEFAULT);
            UserInputException e = assertThrows(UserInputException.class, () -> entries.extractTo(dir));
            assertTrue(e.getMessage().contains(MODEL + " unpacks to more than the 33844 bytes the zip declares"),
                    e.getMessage());
            assertEquals(declared, Files.size(dir.resolve(MODEL)), "written up to the declared size, not beyond");
            assertTrue(bytesUnder(dir) <= entries.totalBytes(), "in all " + bytesUnder(dir) + " bytes written");
        }
        assertPredictRefuses(bomb, "unpacks to more than the 33844 bytes");
    }

    @Test
    void theTotalIsCapped(@TempDir Path tmp) throws Exception {
        try (ZipFile zip = new ZipFile(GOOD.toFile())) {
            UserInputException e = assertThrows(UserInputException.class,
                    () -> BundleEntries.check(zip, GOOD, new BundleEntries.Limits(40_000, 1 << 20, 100, 16 << 20)));
            assertTrue(e.getMessage().contains("unpacks to 44.2 KB, more than the 39.1 KB any export writes"),
                    e.getMessage());
            UserInputException text = assertThrows(UserInputException.class,
                    () -> BundleEntries.check(zip, GOOD, new BundleEntries.Limits(1L << 30, 1000, 100, 16 << 20)));
            assertTrue(text.getMessage().contains("bundle.json is 1.1 KB, far more than any export writes"),
                    text.getMessage());
        }
    }

    @Test
    void unlistedTraversingAndDuplicateNamesAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        Path extra = forge(tmp.resolve("extra.zip"), Map.of("model/extra.py", bytes("print('hi')")));
        assertTrue(refusedBeforeWriting(extra).getMessage().contains("holds a file named 'model/extra.py' that no"
                + " export writes (not named in bundle.json)"));
        assertPredictRefuses(extra, "'model/extra.py' that no export writes");

        for (String name : new String[] {"../evil.sh", "model/../../evil.sh", "/tmp/evil.sh", "model\\evil.sh",
            "C:/evil.sh"}) {
            Path bad = forge(tmp.resolve("bad" + Math.abs(name.hashCode()) + ".zip"), Map.of(name, bytes("x")));
            UserInputException e = refusedBeforeWriting(bad);
            assertTrue(e.getMessage().contains("holds a file named '" + name + "'"), e.getMessage());
            assertPredictRefuses(bad, "holds a file named '" + name + "'");
        }

        // two entries named config.json: forge "config.jsoX" and rename it in the zip's bytes
        Path twice = forge(tmp.resolve("twice.zip"), Map.of("config.jsoX", bytes("{}")));
        byte[] b = Files.readAllBytes(twice);
        String s = new String(b, StandardCharsets.ISO_8859_1).replace("config.jsoX", "config.json");
        Files.write(twice, s.getBytes(StandardCharsets.ISO_8859_1));
        UserInputException e = refusedBeforeWriting(twice);
        assertTrue(e.getMessage().contains("holds two files named 'config.json'"), e.getMessage());
        assertPredictRefuses(twice, "holds two files named 'config.json'");
    }

    @Test
    void exportPacksOnlyASourceModelThatLoads(@TempDir Path tmp) throws Exception {
        Path models = Files.createDirectories(tmp.resolve("models"));
        Path pt = Files.copy(SmallRuns.TINY, models.resolve("my_model.pt"));
        Files.copy(SmallRuns.TINY.resolveSibling("tiny_cnn.pt.json"), models.resolve("my_model.pt.json"));
        Path run = tmp.resolve("run");
        SmallRuns.train(SmallRuns.config(pt.toString(), SmallRuns.digits5(tmp), "pad", "ilm",
                "whitebox").with(Settings.EPOCHS, 1), run);
        // the run's config.json now names a file that is not a model, with a valid sidecar beside it
        Files.copy(TestPaths.fixtures().resolve("torchscript/not_a_model.pt"), pt,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out = tmp.resolve("b.zip");
        UserInputException e = assertThrows(UserInputException.class, () -> BundleExporter.export(run, null, out, false));
        assertTrue(e.getMessage().startsWith("cannot export " + run + ": its source model does not load"),
                e.getMessage());
        assertTrue(e.getMessage().contains(pt + ": is not a loadable TorchScript model"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
        assertFalse(Files.exists(out), "no bundle written");
    }
}
