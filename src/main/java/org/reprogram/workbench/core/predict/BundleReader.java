package org.reprogram.workbench.core.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.reprogram.workbench.core.AtomicFolder;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.SourceFiles;
import org.reprogram.workbench.core.run.RunConfigFile;
import org.reprogram.workbench.core.run.RunPromptsFile;
import org.reprogram.workbench.core.train.Checkpoint;

/**
 * Opens an exported bundle: checks its contents against {@code SHA256SUMS} and {@code bundle.json}
 * before writing anything, unpacks it into a private temporary folder with every file cut off at
 * its declared size and checked against its checksum ({@link BundleEntries}: a changed, added,
 * missing or oversized file refuses the whole bundle, with one clear error), and reads the run it
 * describes. The folder is deleted when the {@link Unpacked} closes
 * (the source model is in memory by then).
 */
public final class BundleReader {

    private static final String FIX = BundleEntries.FIX;

    private BundleReader() {}

    /** An unpacked bundle: its run (source files inside DIR) and the folder, deleted by {@link #close()}. */
    public record Unpacked(TrainedRun run, Path dir) implements AutoCloseable {
        @Override
        public void close() {
            AtomicFolder.deleteTreeQuietly(dir); // best effort: it is in the temporary folder
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
            BundleManifest manifest = extract(bundle, dir);
            return new Unpacked(read(bundle, dir, manifest), dir);
        } catch (RuntimeException e) {
            AtomicFolder.deleteTreeQuietly(dir); // best effort: it is in the temporary folder
            throw e;
        }
    }

    /** Checks the zip's contents (nothing written yet), then unpacks it into DIR; returns its manifest. */
    private static BundleManifest extract(Path bundle, Path dir) {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            BundleEntries entries = BundleEntries.check(zip, bundle, BundleEntries.Limits.DEFAULT);
            entries.extractTo(dir);
            return entries.manifest();
        } catch (ZipException e) {
            throw UserInputException.forFile(bundle, "is not a bundle (not a readable zip file: " + e.getMessage()
                    + ")", "give a bundle written by export, or a run folder", e);
        } catch (IOException e) {
            throw UserInputException.forFile(bundle, "cannot be unpacked (" + e.getMessage() + ")", "check the file"
                    + " and the free space in " + System.getProperty("java.io.tmpdir"), e);
        }
    }

    private static TrainedRun read(Path bundle, Path dir, BundleManifest m) {
        RunConfigFile config = RunConfigFile.read(dir.resolve(BundleManifest.CONFIG));
        if (config.spec().isBaseline() || m.source() == null
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
        RunPromptsFile.Saved prompts = null;
        if (m.prompts() != null) { // a vision-language run: its prompts and their embeddings, as training saved them
            Path file = dir.resolve(BundleManifest.PROMPTS);
            if (!BundleManifest.PROMPTS.equals(m.prompts()) || !Files.isRegularFile(file)) {
                throw UserInputException.forFile(bundle, "the prompts file " + m.prompts() + " is missing", FIX);
            }
            try {
                prompts = TrainedRun.savedPrompts(file, m.sourceClasses(), FIX);
            } catch (UserInputException e) {
                throw inBundle(bundle, dir, e);
            }
        }
        return new TrainedRun(m.run(), bundle, config.spec(), List.copyOf(m.sourceClasses()),
                List.copyOf(m.targetClasses()), new Checkpoint(m.epoch(), program, mapping), StateChoice.parse(m.state()),
                m.testAccuracy() == null ? Double.NaN : m.testAccuracy(), m.evalBatchSize(), source, List.of(), prompts);
    }

    private static float[] array(Path bundle, Path dir, String entry) {
        try {
            return Npy.read(entry, Files.readAllBytes(dir.resolve(entry))).values();
        } catch (IOException | IllegalArgumentException e) {
            throw UserInputException.forFile(bundle, entry + " cannot be read (" + e.getMessage() + ")", FIX, e);
        }
    }

    /**
     * E, raised while loading the model that BUNDLE unpacked into DIR, worded for the bundle: it
     * names the bundle and the file inside it (not the temporary folder, deleted by the time it is
     * read) and gives the bundle's fix (export it again), not the fix for a model file on disk
     * (re-run pretrain, save it with torch.jit.save). An error that does not name DIR is returned as is.
     */
    static UserInputException inBundle(Path bundle, Path dir, UserInputException e) {
        String msg = e.getMessage();
        if (msg == null || !msg.contains(dir.toString())) {
            return e;
        }
        int fix = msg.indexOf(". Fix: ");
        String problem = (fix < 0 ? msg : msg.substring(0, fix))
                .replace(dir.toString() + dir.getFileSystem().getSeparator(), "").replace(dir.toString(), ".");
        return UserInputException.forFile(bundle, "its source model does not load (" + problem + ")", FIX, e);
    }
}
