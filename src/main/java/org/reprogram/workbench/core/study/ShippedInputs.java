package org.reprogram.workbench.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.AtomicFolder;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.ZipFolder;
import org.reprogram.workbench.core.model.SourceFiles;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * The inputs a study ships to its executors, so that a cluster needs no shared file system: every
 * distinct target dataset folder and source model (a built-in model's folder, or a TorchScript
 * file with its sidecar) of its trials, each zipped once into {@code STUDY_DIR/shipped/} under a
 * name made of its content's hash, and unpacked once per executor JVM into its temporary folder
 * (deleted when that JVM exits).
 * A trial's task maps each original path, as its config names it, to the shipped name
 * ({@code NAME.zip} for a folder, {@code NAME.zip!FILE} for a file inside it).
 */
public final class ShippedInputs {

    /** The folder of the study that holds the zips. */
    public static final String FOLDER = "shipped";

    private static final Map<String, Path> UNPACKED = new ConcurrentHashMap<>();

    private ShippedInputs() {}

    /**
     * Zips the sources and targets of SPECS into STUDYDIR/shipped and ships them with BACKEND;
     * returns original path to shipped name, for {@link TrialTask#shipped()}.
     */
    public static Map<String, String> prepare(List<RunSpec> specs, Path studyDir, TrialBackend backend)
            throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path dir = studyDir.resolve(FOLDER);
        Files.createDirectories(dir);
        for (RunSpec s : specs) {
            if (!out.containsKey(s.data().target())) {
                Path target = Path.of(AppPaths.orShipped(s.data().target()));
                if (!Files.isDirectory(target)) {
                    throw UserInputException.forFile(target, "is not a folder of target data",
                            "set data.target under base: to an ImageFolder or IDX folder");
                }
                Path zip = dir.resolve("target.zip.tmp");
                ZipFolder.zipTo(target, zip);
                out.put(s.data().target(), backend.ship(named(zip, "target")));
            }
            if (!out.containsKey(s.source())) {
                SourceFiles files = SourceFiles.resolve(s.source(), "the study");
                Path zip = dir.resolve("source.zip.tmp");
                ZipFolder.zipFilesTo(files.files(), files.entryNames(), zip); // a tokenizer at its sidecar's path
                String name = backend.ship(named(zip, "source"));
                out.put(s.source(), files.builtin() ? name : name + "!" + files.location().getFileName());
            }
        }
        return out;
    }

    /** Renames ZIP to KIND-HASH.zip next to it (the same content, the same name) and returns that path. */
    private static Path named(Path zip, String kind) throws IOException {
        Path named = zip.resolveSibling(kind + "-" + sha(zip) + ".zip");
        Files.move(zip, named, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return named;
    }

    private static String sha(Path file) throws IOException {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    d.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * Where the shipped LOCATED file (its local path; NAME.zip or NAME.zip!FILE as the task named
     * it, the "!FILE" part kept in the name passed here) is unpacked in this JVM, unpacking it on
     * first use into a folder named after the zip (its content hash), so concurrent trials share one copy.
     */
    static Path unpacked(Path located, String inside) throws IOException {
        String key = located.getFileName().toString();
        Path dir;
        synchronized (UNPACKED) {
            dir = UNPACKED.get(key);
            if (dir == null || !Files.isDirectory(dir)) {
                dir = Files.createTempDirectory("reprogram-shipped-" + key.replace(".zip", "") + "-");
                if (UNPACKED.isEmpty()) {
                    Runtime.getRuntime().addShutdownHook(new Thread(ShippedInputs::deleteUnpacked, "delete-shipped-inputs"));
                }
                ZipFolder.unzipFile(located, dir);
                UNPACKED.put(key, dir);
            }
        }
        return inside == null ? dir : dir.resolve(inside);
    }

    /** Deletes the unpacked copies (at exit: trials of later studies in this JVM share them until then). */
    private static void deleteUnpacked() {
        UNPACKED.values().forEach(AtomicFolder::deleteTreeQuietly);
    }

    /** The local path of a shipped NAME (NAME.zip or NAME.zip!FILE), found with FILES and unpacked. */
    static Path local(String name, ShippedFiles files) throws IOException {
        int bang = name.indexOf('!');
        String zip = bang < 0 ? name : name.substring(0, bang);
        return unpacked(files.locate(zip), bang < 0 ? null : name.substring(bang + 1));
    }
}
