package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.FaultPoints;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingCheckpoint;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.report.Csv;

/**
 * Writes a run folder as training goes (reprogramming and baseline runs alike): config.json at once, info.json at start, a metrics.csv
 * row (the small file is rewritten atomically) and a history.jsonl line per epoch (append-only, so a
 * crash loses at most the line being written; readers skip a torn last line), and at the end
 * result.json, program.png, mapping.csv and mapping.json. Whole files are written atomically
 * ({@link AtomicFiles}: temporary file + rename, default permissions).
 */
public final class RunRecorder implements TrainingListener {

    private final Path dir;
    /** The run's last epoch (its final checkpoint), 0 when unknown. */
    private final int epochs;
    private RunInfo info;
    private TrainingSnapshot last;

    /** A run of SPEC, reprogramming or baseline: config.json is SPEC ({@link RunConfigFile}). */
    public RunRecorder(Path dir, RunSpec spec) throws IOException {
        this.dir = dir;
        this.epochs = spec.isBaseline() ? 0 : spec.optimization().epochs();
        Files.createDirectories(dir);
        Json.writeString(dir.resolve(RunFiles.CONFIG), RunConfigFile.toJson(spec));
        Json.writeString(dir.resolve(RunFiles.METRICS), EpochMetrics.CSV_HEADER + "\n");
        markRunning();
    }

    private RunRecorder(Path dir, int epochs) {
        this.dir = dir;
        this.epochs = epochs;
    }

    /**
     * Continues recording into an existing run folder after the checkpoint of epoch EPOCH:
     * metrics and history lines of later epochs (written before a crash, after that checkpoint)
     * and a torn last line are dropped, an old result.json is removed.
     */
    public static RunRecorder resume(Path dir, int epoch) throws IOException {
        RunRecord before = RunStore.load(dir, true); // the shared reader skips lines torn by a crash
        RunRecorder r = new RunRecorder(dir, before.config().optimization().epochs());
        StringBuilder metrics = new StringBuilder(EpochMetrics.CSV_HEADER).append('\n');
        before.metrics().stream().filter(m -> m.epoch() <= epoch).forEach(m -> metrics.append(m.toCsv()).append('\n'));
        Json.writeString(dir.resolve(RunFiles.METRICS), metrics.toString());
        StringBuilder history = new StringBuilder();
        before.history().stream().filter(s -> s.epoch() <= epoch)
                .forEach(s -> history.append(Json.COMPACT.toJson(s)).append('\n'));
        Json.writeString(dir.resolve(RunFiles.HISTORY), history.toString());
        Files.deleteIfExists(dir.resolve(RunFiles.RESULT));
        r.markRunning();
        return r;
    }

    /** {@value RunFiles#RUNNING} names this process while the run trains (the Runs tab shows "running"). */
    private void markRunning() throws IOException {
        RunningMarker.write(dir);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void onStart(RunInfo runInfo) {
        this.info = runInfo;
        io(() -> Json.write(dir.resolve(RunFiles.INFO), runInfo));
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        io(() -> AtomicFiles.appendLineAtomically(dir.resolve(RunFiles.METRICS), metrics.toCsv()));
    }

    @Override
    public void onSnapshot(TrainingSnapshot s) {
        last = s;
        if (s.epochEnd() || s.epoch() == 0) {
            TrainingSnapshot light = new TrainingSnapshot(s.epoch(), s.step(), s.epochEnd(), s.channels(), s.height(),
                    s.width(), s.perturbation(), s.signedPerturbation(), s.inputScale(), s.mappingWeights(), s.assignment(), List.of(), s.confusion(),
                    s.metrics(), s.validationPredictions());
            append(RunFiles.HISTORY, Json.COMPACT.toJson(light));
        }
    }

    @Override
    public void onCheckpoint(TrainingCheckpoint checkpoint) {
        io(() -> CheckpointFile.write(dir, checkpoint));
        if (checkpoint.epoch() == epochs) {
            FaultPoints.reach("after-final-checkpoint");
        }
    }

    /**
     * The end files in an order that a crash at any moment leaves a consistent folder: program.png
     * and the mapping files first, then RUNNING goes, and result.json comes last. A folder without
     * result.json is resumable from its checkpoint (after the last epoch's checkpoint resume only
     * runs the final evaluation and writes these files); a folder with result.json has all of them.
     */
    @Override
    public void onFinish(TrainingResult result) {
        io(() -> {
            if (last != null) {
                Json.writeBytes(dir.resolve(RunFiles.PROGRAM_PNG), ProgramImages.png(last.perturbation(),
                        last.channels(), last.height(), last.width(), last.signedPerturbation(), 256));
                if (info != null) {
                    writeMapping(last);
                }
            }
            FaultPoints.reach("before-running-removal");
            Files.deleteIfExists(dir.resolve(RunFiles.RUNNING));
            FaultPoints.reach("before-result");
            Json.write(dir.resolve(RunFiles.RESULT), result);
            FaultPoints.reach("after-result-rename");
        });
    }

    private void writeMapping(TrainingSnapshot s) throws IOException {
        StringBuilder csv = new StringBuilder("target_index,target_class,source_indices,source_classes,weights\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (int t = 0; t < info.targetClasses().size(); t++) {
            int[] sources = s.assignment() != null ? s.assignment()[t] : topSources(s.mappingWeights(), t, 3);
            List<String> names = new ArrayList<>();
            List<String> weights = new ArrayList<>();
            for (int src : sources) {
                names.add(info.sourceClasses().get(src));
                weights.add(String.format(java.util.Locale.ROOT, "%.4g", s.mappingWeights()[src][t]));
            }
            csv.append(t).append(',').append(Csv.field(info.targetClasses().get(t))).append(',')
                    .append(join(sources)).append(',').append(Csv.field(String.join(";", names))).append(',')
                    .append(String.join(";", weights)).append('\n');
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", info.targetClasses().get(t));
            row.put("sources", names);
            row.put("weights", weights.stream().map(Double::parseDouble).toList());
            json.add(row);
        }
        Json.writeString(dir.resolve(RunFiles.MAPPING_CSV), csv.toString());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sourceClasses", info.sourceClasses());
        doc.put("targetClasses", info.targetClasses());
        doc.put("mapping", json);
        doc.put("weights", s.mappingWeights());
        Json.write(dir.resolve(RunFiles.MAPPING_JSON), doc);
    }

    /** The K source classes with the largest weight for target T. */
    static int[] topSources(float[][] w, int t, int k) {
        List<Integer> idx = new ArrayList<>();
        for (int s = 0; s < w.length; s++) {
            idx.add(s);
        }
        idx.sort((a, b) -> Float.compare(w[b][t], w[a][t]));
        return idx.subList(0, Math.min(k, idx.size())).stream().mapToInt(Integer::intValue).toArray();
    }

    private static String join(int[] a) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ";").append(a[i]);
        }
        return sb.toString();
    }


    private void append(String file, String line) {
        io(() -> AtomicFiles.appendLine(dir.resolve(file), line));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run files: " + e.getMessage(), e);
        }
    }
}
