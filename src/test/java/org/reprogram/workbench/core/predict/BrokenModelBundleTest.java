package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;

/**
 * A bundle whose checksums match but whose source model does not load (changed and re-checksummed,
 * or exported before export checked the model) is refused with a message that names the bundle
 * and the file inside it, and a fix that makes sense for a bundle: not the temporary folder it was
 * unpacked to (deleted by then) and not "re-run pretrain".
 */
class BrokenModelBundleTest {

    private static final Path GOOD = TestPaths.fixtures().resolve("bundle/pad-ilm.zip");

    /** A copy of the good bundle with entries passed through EDIT and SHA256SUMS written anew. */
    private static Path rechecksummed(Path tmp, String name, BiFunction<String, byte[], byte[]> edit)
            throws IOException {
        Path out = tmp.resolve(name + ".zip");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile in = new ZipFile(GOOD.toFile())) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                files.put(e.getName(), edit.apply(e.getName(), in.getInputStream(e).readAllBytes()));
            }
        }
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((n, d) -> {
            if (!n.equals(Checksums.FILE)) {
                sums.put(n, Checksums.sha256(d));
            }
        });
        files.put(Checksums.FILE, Checksums.format(sums).getBytes(StandardCharsets.UTF_8));
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    private static void assertRefusedForBundle(Path bundle, String entry) {
        UserInputException e = assertThrows(UserInputException.class, () -> Predictor.open(bundle, null, "cpu").close());
        String m = e.getMessage();
        assertTrue(m.startsWith(bundle + ": "), m);
        assertTrue(m.contains(entry), "names the file inside the bundle: " + m);
        assertTrue(m.contains("Fix: export the bundle again"), m);
        assertFalse(m.contains("reprogram-bundle-"), "names the deleted temporary folder: " + m);
        assertFalse(m.contains("pretrain"), m);
        assertTrue(m.indexOf("Fix:") == m.lastIndexOf("Fix:"), "one fix only: " + m);
    }

    @Test
    void aModelFileThatDoesNotLoadNamesTheBundleAndTheExportFix(@TempDir Path tmp) throws Exception {
        Path bad = rechecksummed(tmp, "garbage-model", (name, data) -> {
            if (name.equals("model/tiny_cnn.pt")) {
                byte[] junk = new byte[data.length];
                java.util.Arrays.fill(junk, (byte) 7);
                return junk;
            }
            return data;
        });
        assertRefusedForBundle(bad, "model/tiny_cnn.pt");
    }

    @Test
    void aSidecarWithAZeroStdNamesTheBundleAndTheExportFix(@TempDir Path tmp) throws Exception {
        Path bad = rechecksummed(tmp, "zero-std", (name, data) -> name.equals("model/tiny_cnn.pt.json")
                ? new String(data, StandardCharsets.UTF_8).replace("0.25", "0.0").getBytes(StandardCharsets.UTF_8)
                : data);
        assertRefusedForBundle(bad, "model/tiny_cnn.pt.json");
    }
}
