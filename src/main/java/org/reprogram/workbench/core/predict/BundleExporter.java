package org.reprogram.workbench.core.predict;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.NamedArray;
import org.reprogram.workbench.core.model.SourceFiles;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.run.RunPromptsFile;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.run.RunFiles;

/**
 * Writes a run as one self-contained bundle (zip): {@code bundle.json}, the run's
 * {@code config.json}, a generated {@code MODEL_CARD.md}, the learned state ({@code state/*.npy},
 * what {@link Predictor} loads), the same program and mapping as plain arrays
 * ({@code interop/*.npy}, see {@link InteropArrays}), the source model's own files
 * ({@code model/}) and {@code SHA256SUMS} over all of them. Uses the best-validation state when
 * the run has one, otherwise the final one. Written atomically: a failed export leaves no file.
 */
public final class BundleExporter {

    /** What was written. */
    public record Exported(Path file, TrainedRun run, long bytes, List<String> entries) {}

    private BundleExporter() {}

    /**
     * Exports run folder RUNDIR (state CHOICE, null = best when present) to OUT. An existing OUT is
     * refused unless OVERWRITE; a folder, a run that cannot be predicted from (see
     * {@link TrainedRun#fromRunDir}) or a missing source model, or one that does not load, is a
     * {@link UserInputException}.
     */
    public static Exported export(Path runDir, StateChoice choice, Path out, boolean overwrite) throws IOException {
        if (Files.isDirectory(out)) {
            throw UserInputException.forFile(out, "is a folder", "give the bundle's file name, e.g. --out "
                    + out.resolve("bundle.zip"));
        }
        if (Files.exists(out) && !overwrite) {
            throw UserInputException.forFile(out, "already exists", "choose another --out file, or add --force to"
                    + " replace it");
        }
        TrainedRun run = TrainedRun.fromRunDir(runDir, choice);
        List<String> modelEntries = modelEntries(run);
        Map<String, byte[]> files = new LinkedHashMap<>();
        BundleManifest manifest;
        ModelCard card;
        try (NDManager base = NDManager.newBaseManager(Device.cpu()); SourceModel model = openLoadable(run)) {
            card = model.card(); // a vision-language model's: its classes are the run's prompts
            PromptClassifier vlm = model instanceof PromptClassifier p ? p : null;
            if (vlm != null) {
                files.put(BundleManifest.PROMPTS, RunPromptsFile.toJson(vlm).getBytes(StandardCharsets.UTF_8));
            }
            try (ProgramAndMapping head = ProgramAndMapping.build(run, card, base)) {
                InteropArrays.Result interop = InteropArrays.of(head.program(), head.mapping(), vlm);
                Map<String, String> arrays = new LinkedHashMap<>();
                for (NamedArray a : interop.arrays()) {
                    String entry = BundleManifest.INTEROP_DIR + a.name() + ".npy";
                    arrays.put(a.name(), entry);
                    files.put(entry, Npy.write(a));
                }
                manifest = manifest(run, card, modelEntries, head.placement(), new BundleManifest.Interop(
                        interop.program(), interop.mapping(), arrays, interop.unavailable(), interop.source()),
                        vlm != null ? BundleManifest.PROMPTS : null);
            }
        }
        float[] program = run.state().program();
        float[] mapping = run.state().mapping();
        files.put(BundleManifest.STATE_PROGRAM, Npy.write(new NamedArray("program", new int[] {program.length}, program)));
        files.put(BundleManifest.STATE_MAPPING, Npy.write(new NamedArray("mapping", new int[] {mapping.length}, mapping)));
        Map<String, byte[]> head = new LinkedHashMap<>();
        head.put(BundleManifest.MANIFEST, Json.toJson(manifest).getBytes(StandardCharsets.UTF_8));
        head.put(BundleManifest.CONFIG, Files.readAllBytes(runDir.resolve(RunFiles.CONFIG)));
        head.put(BundleManifest.CARD, BundleCard.markdown(run, card, manifest).getBytes(StandardCharsets.UTF_8));
        head.putAll(files);
        List<Path> modelFiles = run.source().files();
        Map<String, String> sums = new LinkedHashMap<>();
        AtomicFiles.write(out, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            for (Map.Entry<String, byte[]> e : head.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
                sums.put(e.getKey(), Checksums.sha256(e.getValue()));
            }
            for (int i = 0; i < modelFiles.size(); i++) {
                String entry = manifest.source().files().get(i);
                zip.putNextEntry(new ZipEntry(entry));
                MessageDigest digest = Checksums.digest();
                try (InputStream in = Files.newInputStream(modelFiles.get(i))) {
                    in.transferTo(new DigestOutputStream(unclosable(zip), digest));
                }
                zip.closeEntry();
                sums.put(entry, Checksums.hex(digest.digest()));
            }
            zip.putNextEntry(new ZipEntry(Checksums.FILE));
            zip.write(Checksums.format(sums).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
        });
        List<String> entries = new ArrayList<>(sums.keySet());
        entries.add(Checksums.FILE);
        return new Exported(out, run, Files.size(out), List.copyOf(entries));
    }

    /**
     * The bundle carries the files a run's config.json names as its source; any file with a
     * NAME.json beside it would pass for one. Only a model that loads as training loads it (the
     * TorchScript load check: loadable, its sidecar valid, one dry forward with the sidecar's shape
     * and class count; a vision-language model with its saved prompt embeddings) is packed.
     */
    private static SourceModel openLoadable(TrainedRun run) {
        try {
            return run.openSource(Device.cpu());
        } catch (UserInputException e) {
            throw new UserInputException("cannot export " + run.origin() + ": its source model does not load, so the"
                    + " bundle could not be used: " + e.getMessage(), e);
        }
    }

    /**
     * The entry names of the source model's files in the bundle: under {@value BundleManifest#MODEL_DIR}
     * as {@link SourceFiles#entryNames()} names them (a vision-language model's tokenizer at the path its
     * sidecar names, so the unpacked sidecar finds it; one outside the model's folder is refused).
     */
    private static List<String> modelEntries(TrainedRun run) {
        return run.source().entryNames().stream().map(n -> BundleManifest.MODEL_DIR + n).toList();
    }

    private static BundleManifest manifest(TrainedRun run, ModelCard card, List<String> modelEntries, Placement p,
            BundleManifest.Interop interop, String prompts) {
        String kind = run.source().builtin() ? "builtin" : card.isVisionLanguage() ? "vision-language" : "torchscript";
        BundleManifest.Source source = new BundleManifest.Source(kind, card.name(), List.copyOf(modelEntries),
                card.inputShape(), card.mean(), card.std());
        return new BundleManifest(BundleManifest.FORMAT, BundleManifest.VERSION, run.name(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), run.choice().id(), run.state().epoch(),
                Double.isNaN(run.testAccuracy()) ? null : run.testAccuracy(), run.evalBatchSize(),
                run.config().program().id(), run.config().mapping().id(), source, run.sourceClasses(),
                run.targetClasses(), new BundleManifest.Canvas(p.channels(), p.height(), p.width(), p.innerHeight(),
                        p.innerWidth(), p.top(), p.left()), interop, prompts);
    }

    /** OUT without close(): the zip stream stays open for the next entry. */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
