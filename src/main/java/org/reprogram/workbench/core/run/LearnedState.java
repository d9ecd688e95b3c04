package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * What a run learned, for showing runs side by side: the input program as a PNG and the label
 * mapping. A finished run has them in program.png and mapping.json; for a run that is still
 * training, or was interrupted, they come from the newest epoch in history.jsonl (a torn last
 * line is skipped). Only reads: the run folder is never written.
 *
 * @param programPng the program's delta as a PNG (null: none, e.g. a baseline)
 * @param mapping the label mapping (null: none)
 * @param epoch the epoch they belong to (-1: the end of the run, from its saved files)
 */
public record LearnedState(byte[] programPng, LearnedMapping mapping, int epoch) {

    /** Nothing learned to show (baselines, runs killed before their first snapshot, unreadable folders). */
    public static final LearnedState NONE = new LearnedState(null, null, -1);

    /** Side of the rendered program picture when it comes from the history. */
    static final int PNG_SIDE = 256;

    /** RUN's program and mapping; {@link #NONE} for a baseline or an unreadable folder. */
    public static LearnedState read(RunRecord run) {
        if (run == null || !run.readable() || run.isBaseline()) {
            return NONE;
        }
        Path dir = run.dir();
        byte[] png = null;
        try {
            if (Files.isRegularFile(dir.resolve(RunFiles.PROGRAM_PNG))) {
                png = Files.readAllBytes(dir.resolve(RunFiles.PROGRAM_PNG));
            }
        } catch (IOException e) {
            png = null;
        }
        LearnedMapping mapping = LearnedMapping.read(dir);
        if (png != null && mapping != null) {
            return new LearnedState(png, mapping, -1);
        }
        TrainingSnapshot last = lastSnapshot(dir);
        if (last == null) {
            return png == null && mapping == null ? NONE : new LearnedState(png, mapping, -1);
        }
        if (png == null && last.perturbation() != null) {
            png = ProgramImages.png(last.perturbation(), last.channels(), last.height(), last.width(),
                    last.signedPerturbation(), PNG_SIDE);
        }
        RunInfo info = run.info();
        if (mapping == null && info != null && last.mappingWeights() != null && info.targetClasses() != null
                && info.sourceClasses() != null) {
            try {
                mapping = LearnedMapping.of(last, info);
            } catch (RuntimeException e) {
                mapping = null; // history and info.json disagree: show the program only
            }
        }
        return new LearnedState(png, mapping, last.epoch());
    }

    public boolean isEmpty() {
        return programPng == null && mapping == null;
    }

    /** The newest readable line of DIR's history.jsonl, or null. */
    static TrainingSnapshot lastSnapshot(Path dir) {
        Path file = dir.resolve(RunFiles.HISTORY);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            try {
                TrainingSnapshot s = Json.COMPACT.fromJson(lines.get(i), TrainingSnapshot.class);
                if (s != null) {
                    return s;
                }
            } catch (RuntimeException e) {
                // a half-written line: try the one before
            }
        }
        return null;
    }
}
