package org.reprogram.workbench.core.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/** A folder of run folders: creates new ones, lists and reads them back. Never overwrites a run. */
public final class RunStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A new, empty, uniquely named run folder for SPEC ("…-pad-ilm-digits", "…-linear-probe-digits"). */
    public Path newRunDir(RunSpec spec) throws IOException {
        return newRunDir(spec.isBaseline() ? spec.method().id() : spec.program().id() + "-" + spec.mapping().id(),
                spec.data().target());
    }

    private synchronized Path newRunDir(String method, String targetDir) throws IOException {
        Files.createDirectories(root);
        String target = Path.of(targetDir).getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
        String base = STAMP.format(LocalDateTime.now()) + "-" + method + "-" + target;
        for (int i = 1; ; i++) {
            Path dir = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                return Files.createDirectory(dir); // atomic: two processes never share a folder
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    /**
     * Refuses an --out folder a run must not be written into: an empty path (it would be the
     * current directory), a file, a folder that holds a saved run, or any other non-empty folder
     * (the run would overwrite the user's own metrics.csv, program.png, ...). A missing or empty
     * folder is fine.
     */
    public static void requireFresh(Path dir) {
        if (dir == null || dir.toString().isBlank()) {
            throw new UserInputException("--out is empty (the run would be written into the current folder). Fix:"
                    + " give a new folder, e.g. --out runs/my-run, or leave --out out for a new folder under "
                    + AppPaths.defaultRunsDir());
        }
        if (Files.exists(dir.resolve(RunFiles.CONFIG)) || Files.exists(dir.resolve(RunFiles.RESULT))) {
            throw UserInputException.forFile(dir, "already holds a saved run",
                    "choose another --out folder or delete this one first");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw UserInputException.forFile(dir, "is a file", "choose a folder for --out");
        }
        if (Files.isDirectory(dir)) {
            List<String> names;
            try (Stream<Path> s = Files.list(dir)) {
                names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(RunFolderLock.NAME)) // our claim
                        .sorted().limit(3).toList();
            } catch (IOException e) {
                throw UserInputException.forFile(dir, "cannot be read (" + e.getMessage() + ")",
                        "choose another --out folder", e);
            }
            if (!names.isEmpty()) {
                throw UserInputException.forFile(dir, "is not empty (holds " + String.join(", ", names)
                        + (names.size() == 3 ? ", ..." : "") + "); a run would overwrite files in it",
                        "choose a new or empty --out folder, e.g. " + dir.resolve("run"));
            }
        }
    }

    /**
     * All runs, newest first. A folder with a config.json that cannot be read as a run (foreign,
     * damaged, from a newer version) is listed as {@link RunRecord#unreadable unreadable} with the
     * reason: it never hides the other runs. Folders without config.json and hidden ones (temporary
     * folders of an atomic write) are not runs.
     */
    public List<RunRecord> list() {
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return runs;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(RunFiles.CONFIG))).toList()) {
                runs.add(loadOrUnreadable(d));
            }
        } catch (IOException | UncheckedIOException e) {
            return runs;
        }
        runs.sort(Comparator.comparing(RunRecord::name).reversed());
        return runs;
    }

    /** The run in DIR without history, or an unreadable record saying why it cannot be read. */
    public static RunRecord loadOrUnreadable(Path dir) {
        try {
            return load(dir, false);
        } catch (UserInputException e) {
            return RunRecord.unreadable(dir, e.getMessage());
        } catch (RuntimeException e) { // a damaged folder must not hide the other runs
            return RunRecord.unreadable(dir, dir.resolve(RunFiles.CONFIG) + ": cannot be read as a run ("
                    + e + ")");
        }
    }

    /**
     * Reads a run folder, reprogramming or baseline (see {@link RunConfigFile}); WITHHISTORY also
     * reads history.jsonl (larger). The user's {@link RunNotes} come along (none when the folder has
     * no readable notes.json). A folder that is not a readable run is a
     * {@link UserInputException} naming the file and the problem.
     */
    public static RunRecord load(Path dir, boolean withHistory) {
        String fix = "choose a folder written by Reprogram Workbench, or move this folder out of the runs folder";
        RunConfigFile config = RunConfigFile.read(dir.resolve(RunFiles.CONFIG));
        RunInfo info = Files.exists(dir.resolve(RunFiles.INFO))
                ? Json.read(dir.resolve(RunFiles.INFO), RunInfo.class, fix) : null;
        TrainingResult result = Files.exists(dir.resolve(RunFiles.RESULT))
                ? Json.read(dir.resolve(RunFiles.RESULT), TrainingResult.class, fix) : null;
        if (result != null && result.status() == null) {
            throw UserInputException.forFile(dir.resolve(RunFiles.RESULT), "is not a run result (its \"status\" is"
                    + " missing or not one of completed, stopped, cancelled, failed, interrupted)", fix);
        }
        List<EpochMetrics> metrics = new ArrayList<>();
        for (String line : lines(dir.resolve(RunFiles.METRICS))) {
            if (line.isBlank() || line.startsWith("epoch")) {
                continue;
            }
            try {
                metrics.add(EpochMetrics.fromCsv(line));
            } catch (RuntimeException e) {
                // a half-written last row after a crash
            }
        }
        List<TrainingSnapshot> history = new ArrayList<>();
        if (withHistory) {
            for (String line : lines(dir.resolve(RunFiles.HISTORY))) {
                try {
                    TrainingSnapshot s = Json.COMPACT.fromJson(line, TrainingSnapshot.class);
                    if (s != null) {
                        history.add(s);
                    }
                } catch (RuntimeException e) {
                    // a half-written last line after a crash
                }
            }
        }
        return new RunRecord(dir, config.spec(), info, result, metrics, history,
                RunNotes.read(dir));
    }

    private static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
