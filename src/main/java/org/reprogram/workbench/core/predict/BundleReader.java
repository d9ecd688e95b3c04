package org.reprogram.workbench.core.predict;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.SourceFiles;
import org.reprogram.workbench.core.run.RunConfigFile;
import org.reprogram.workbench.core.train.Checkpoint;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * Opens an exported bundle: unpacks it into a private temporary folder, checks every file against
 * {@code SHA256SUMS} (a changed, added or missing file refuses the whole bundle, with one clear
 * error), and reads the run it describes. The folder is deleted when the {@link Unpacked} closes
 * (the source model is in memory by then).
 */
public final class BundleReader {

    private static final String FIX = "export the bundle again from its run folder (export RUN_DIR --out FILE.zip)";
    /** Most bytes a bundle may unpack to (a ResNet-50 is 100 MB): a damaged or hostile zip cannot fill the disk. */
    static final long MAX_UNPACKED = 8L << 30;

    private BundleReader() {}

    /** An unpacked bundle: its run (source files inside DIR) and the folder, deleted by {@link #close()}. */
    public record Unpacked(TrainedRun run, Path dir) implements AutoCloseable {
        @Override
        public void close() {
            deleteTree(dir);
        }
    }

    /** Unpacks and checks BUNDLE; any problem is a {@link UserInputException} naming it and the fix. */
    public static Unpacked unpack(Path bundle) {
        if (!Files.isRegularFile(bundle)) {
            throw UserInputException.forFile(bundle, "not found", "give a run folder or a bundle written by export");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("reprogram-bundle-");
        } catch (IOException e) {
            throw new UserInputException("cannot create a temporary folder to unpack " + bundle + " (" + e.getMessage()
                    + "). Fix: free space in " + System.getProperty("java.io.tmpdir"), e);
        }
        try {
            Map<String, String> sums = extract(bundle, dir);
            verify(bundle, dir, sums);
            return new Unpacked(read(bundle, dir), dir);
        } catch (RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Writes every entry into DIR; returns entry name -> SHA-256 of its bytes. */
    private static Map<String, String> extract(Path bundle, Path dir) {
        Map<String, String> sums = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                Path target = dir.resolve(name).normalize();
                if (name.startsWith("/") || name.contains("\\") || !target.startsWith(dir) || sums.containsKey(name)) {
                    throw UserInputException.forFile(bundle, "holds a file named '" + name + "' that no export writes",
                            FIX);
                }
                Files.createDirectories(target.getParent());
                MessageDigest digest = Checksums.digest();
                try (InputStream in = zip.getInputStream(e);
                        OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        total += n;
                        if (total > MAX_UNPACKED) {
                            throw UserInputException.forFile(bundle, "unpacks to more than " + (MAX_UNPACKED >> 30)
                                    + " GB, more than any export writes", FIX);
                        }
                        out.write(buf, 0, n);
                    }
                }
                sums.put(name, Checksums.hex(digest.digest()));
            }
        } catch (ZipException e) {
            throw UserInputException.forFile(bundle, "is not a bundle (not a readable zip file: " + e.getMessage()
                    + ")", "give a bundle written by export, or a run folder", e);
        } catch (IOException e) {
            throw UserInputException.forFile(bundle, "cannot be unpacked (" + e.getMessage() + ")", "check the file"
                    + " and the free space in " + System.getProperty("java.io.tmpdir"), e);
        }
        return sums;
    }

    /** Every file listed with its checksum, and nothing else. */
    private static void verify(Path bundle, Path dir, Map<String, String> actual) {
        if (!actual.containsKey(Checksums.FILE)) {
            throw UserInputException.forFile(bundle, "has no " + Checksums.FILE + " (it is not a bundle written by"
                    + " export, or it was repacked)", FIX);
        }
        Map<String, String> listed;
        try {
            listed = Checksums.parse(Files.readAllBytes(dir.resolve(Checksums.FILE)));
        } catch (IOException | IllegalArgumentException e) {
            throw UserInputException.forFile(bundle, "has a damaged " + Checksums.FILE + " (" + e.getMessage() + ")",
                    FIX, e);
        }
        for (Map.Entry<String, String> e : listed.entrySet()) {
            String got = actual.get(e.getKey());
            if (got == null) {
                throw UserInputException.forFile(bundle, e.getKey() + " is missing (listed in " + Checksums.FILE + ")",
                        FIX);
            }
            if (!got.equals(e.getValue())) {
                throw UserInputException.forFile(bundle, e.getKey() + " does not match its SHA-256 checksum (the"
                        + " bundle was changed or damaged after export)", FIX);
            }
        }
        for (String name : actual.keySet()) {
            if (!name.equals(Checksums.FILE) && !listed.containsKey(name)) {
                throw UserInputException.forFile(bundle, name + " is not listed in " + Checksums.FILE + " (added after"
                        + " export)", FIX);
            }
        }
    }

    private static TrainedRun read(Path bundle, Path dir) {
        BundleManifest m;
        try {
            m = Json.GSON.fromJson(Files.readString(dir.resolve(BundleManifest.MANIFEST), StandardCharsets.UTF_8),
                    BundleManifest.class);
        } catch (IOException | JsonParseException e) {
            throw UserInputException.forFile(bundle, "has no readable " + BundleManifest.MANIFEST + " ("
                    + e.getMessage() + ")", FIX, e);
        }
        if (m == null || !BundleManifest.FORMAT.equals(m.format())) {
            throw UserInputException.forFile(bundle, "is not a Reprogram Workbench bundle (" + BundleManifest.MANIFEST
                    + " has no \"format\": \"" + BundleManifest.FORMAT + "\")", "give a bundle written by export");
        }
        if (m.version() != BundleManifest.VERSION) {
            throw UserInputException.forFile(bundle, "is a version " + m.version() + " bundle; this workbench reads"
                    + " version " + BundleManifest.VERSION, "open it with the workbench version that wrote it, or"
                    + " export the run again");
        }
        RunConfigFile config = RunConfigFile.read(dir.resolve(BundleManifest.CONFIG));
        if (!TrainingResult.METHOD_REPROGRAM.equals(config.method()) || m.source() == null
                || m.source().files() == null || m.source().files().isEmpty()) {
            throw UserInputException.forFile(bundle, "does not describe a reprogrammed classifier", FIX);
        }
        float[] program = array(bundle, dir, BundleManifest.STATE_PROGRAM);
        float[] mapping = array(bundle, dir, BundleManifest.STATE_MAPPING);
        boolean builtin = "builtin".equals(m.source().kind());
        Path model = dir.resolve(m.source().files().get(0)).normalize();
        if (!model.startsWith(dir) || !Files.isRegularFile(model)) {
            throw UserInputException.forFile(bundle, "the source model " + m.source().files().get(0) + " is missing",
                    FIX);
        }
        SourceFiles source = new SourceFiles(builtin, builtin ? model.getParent() : model);
        return new TrainedRun(m.run(), bundle, config.train(), List.copyOf(m.sourceClasses()),
                List.copyOf(m.targetClasses()), new Checkpoint(m.epoch(), program, mapping), StateChoice.parse(m.state()),
                m.testAccuracy() == null ? Double.NaN : m.testAccuracy(), m.evalBatchSize(), source, List.of());
    }

    private static float[] array(Path bundle, Path dir, String entry) {
        try {
            return Npy.read(entry, Files.readAllBytes(dir.resolve(entry))).values();
        } catch (IOException | IllegalArgumentException e) {
            throw UserInputException.forFile(bundle, entry + " cannot be read (" + e.getMessage() + ")", FIX, e);
        }
    }

    /** Deletes DIR and everything in it; what cannot be deleted stays (it is in the temporary folder). */
    static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }
}
