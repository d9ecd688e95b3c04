package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;

/**
 * A bundle changed after export is refused as a whole, with one message that names the bundle, the
 * file and the fix: a changed state or model file, a file added or removed, no checksum list, and
 * a file that is not a zip at all.
 */
class TamperedBundleTest {

    private static final Path GOOD = TestPaths.fixtures().resolve("bundle/pad-ilm.zip");

    /** A copy of the good bundle with every entry passed through EDIT (null drops it). */
    private static Path rewrite(Path tmp, String name, EntryEdit edit) throws IOException {
        Path out = tmp.resolve(name + ".zip");
        try (ZipFile in = new ZipFile(GOOD.toFile()); OutputStream os = Files.newOutputStream(out);
                ZipOutputStream zip = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data = edit.apply(e.getName(), in.getInputStream(e).readAllBytes());
                if (data != null) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(data);
                    zip.closeEntry();
                }
            }
            edit.extra(zip);
        }
        return out;
    }

    interface EntryEdit {
        byte[] apply(String name, byte[] data);

        default void extra(ZipOutputStream zip) throws IOException {}
    }

    private static EntryEdit flipByteOf(String entry) {
        return (name, data) -> {
            if (name.equals(entry)) {
                data[data.length - 1] ^= 1;
            }
            return data;
        };
    }

    private static void assertRefused(Path bundle, String... mustMention) {
        UserInputException e = assertThrows(UserInputException.class, () -> Predictor.open(bundle, null, "cpu").close());
        assertTrue(e.getMessage().startsWith(bundle.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
        for (String m : mustMention) {
            assertTrue(e.getMessage().contains(m), "'" + m + "' missing in: " + e.getMessage());
        }
    }

    @Test
    void theUntouchedBundleOpens() {
        Predictor.open(GOOD, null, "cpu").close();
    }

    @Test
    void changedFilesAreRefused(@TempDir Path tmp) throws Exception {
        for (String entry : new String[] {"state/program.npy", "state/mapping.npy", "model/tiny_cnn.pt",
            "model/tiny_cnn.pt.json", "bundle.json", "config.json"}) {
            Path bad = rewrite(tmp, entry.replace('/', '_'), flipByteOf(entry));
            assertRefused(bad, entry + " does not match its SHA-256 checksum", "export the bundle again");
        }
    }

    @Test
    void addedAndRemovedFilesAreRefused(@TempDir Path tmp) throws Exception {
        assertRefused(rewrite(tmp, "removed", (name, data) -> name.equals("model/tiny_cnn.pt") ? null : data),
                "model/tiny_cnn.pt is missing");
        assertRefused(rewrite(tmp, "no-sums", (name, data) -> name.equals(Checksums.FILE) ? null : data),
                "has no SHA256SUMS");
        assertRefused(rewrite(tmp, "added", new EntryEdit() {
            @Override
            public byte[] apply(String name, byte[] data) {
                return data;
            }

            @Override
            public void extra(ZipOutputStream zip) throws IOException {
                zip.putNextEntry(new ZipEntry("model/extra.py"));
                zip.write("print('hi')".getBytes());
                zip.closeEntry();
            }
        }), "model/extra.py is not listed in SHA256SUMS");
        UnaryOperator<byte[]> same = d -> d;
        assertRefused(rewrite(tmp, "sums-damaged", (name, data) -> name.equals(Checksums.FILE)
                ? "not a checksum line\n".getBytes() : same.apply(data)), "damaged SHA256SUMS");
    }

    @Test
    void aFileThatIsNotAZipIsRefused(@TempDir Path tmp) throws Exception {
        assertRefused(Files.writeString(tmp.resolve("notes.zip"), "just text"), "is not a bundle");
        UserInputException e = assertThrows(UserInputException.class,
                () -> Predictor.open(tmp.resolve("missing.zip"), null, "cpu"));
        assertTrue(e.getMessage().contains("missing.zip: not found"), e.getMessage());
    }
}
