package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.predict.BundleExporter;
import org.reprogram.workbench.core.predict.ImageInputs;
import org.reprogram.workbench.core.predict.Prediction;
import org.reprogram.workbench.core.predict.Predictor;
import org.reprogram.workbench.core.predict.ReplaySamples;
import org.reprogram.workbench.core.predict.StateChoice;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.RunStatus;

/**
 * Run folders written by an older version keep working: the committed fixtures in
 * {@code fixtures/legacy-runs/v1} (written by commit 9380e94 with
 * {@code fixtures/legacy-runs/make_legacy_runs.sh}: every program, every mapping, white-box and
 * black-box, the three baselines, a run killed with -9 and one stopped by SIGTERM) list with their
 * method, program, mapping, trainer and status, replay their history, compare, resume, predict and
 * export with the current code. Each test works on its own copy in a temporary folder; the runs
 * name their target by a path relative to the repository root (Maven's working directory), so
 * resume finds the committed target-digits folder and checks its fingerprint as it would for a user.
 */
class LegacyRunFoldersTest {

    static final Path LEGACY = TestPaths.fixtures().resolve("legacy-runs");
    static final String TARGET = "src/test/resources/fixtures/legacy-runs/target-digits";
    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** What each v1 folder must list as: method, program, mapping, trainer, status, epochs asked. */
    record Expected(String method, String program, String mapping, String trainer, String status, int epochs) {}

    static final Map<String, Expected> V1 = Map.ofEntries(
            Map.entry("pad-ilm", new Expected("reprogram", "pad", "ilm", "whitebox", "completed", 2)),
            Map.entry("pad-random", new Expected("reprogram", "pad", "random", "whitebox", "completed", 2)),
            Map.entry("pad-blm", new Expected("reprogram", "pad", "blm", "whitebox", "completed", 2)),
            Map.entry("full-linear", new Expected("reprogram", "full", "linear", "whitebox", "completed", 2)),
            Map.entry("full-flm", new Expected("reprogram", "full", "flm", "whitebox", "completed", 2)),
            Map.entry("scale-blmplus", new Expected("reprogram", "scale", "blm+", "whitebox", "completed", 2)),
            Map.entry("smm-bar", new Expected("reprogram", "smm", "bar", "whitebox", "completed", 2)),
            Map.entry("full-ilm-blackbox", new Expected("reprogram", "full", "ilm", "blackbox", "completed", 2)),
            Map.entry("baseline-linear-probe", new Expected("linear-probe", "-", "linear-head", "baseline", "completed",
                    50)),
            Map.entry("baseline-finetune", new Expected("finetune", "-", "linear-head", "baseline", "completed", 2)),
            Map.entry("baseline-scratch", new Expected("scratch", "-", "linear-head", "baseline", "completed", 2)),
            Map.entry("interrupted-killed", new Expected("reprogram", "pad", "ilm", "whitebox", "interrupted", 4)),
            Map.entry("interrupted-sigterm", new Expected("reprogram", "pad", "ilm", "whitebox", "interrupted", 4)));

    /** One finished reprogramming run per program (and the black-box one): predicted and exported. */
    static final List<String> PREDICTED = List.of("pad-ilm", "full-linear", "scale-blmplus", "smm-bar",
            "full-ilm-blackbox");

    /** A fresh copy of the v1 run folders under TMP; returns the runs folder. */
    static Path copyV1(Path tmp) throws IOException {
        Path from = LEGACY.resolve("v1");
        Path to = tmp.resolve("runs");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest);
                }
            }
        }
        return to;
    }

    @Test
    void everyFolderListsWithItsMethodProgramMappingTrainerAndStatus(@TempDir Path tmp) throws IOException {
        List<RunRecord> runs = new RunStore(copyV1(tmp)).list();
        assertEquals(V1.keySet(), runs.stream().map(RunRecord::name).collect(Collectors.toSet()),
                "every fixture folder is listed, nothing else");
        for (RunRecord r : runs) {
            Expected e = V1.get(r.name());
            String where = r.name() + ": " + r.problem();
            assertTrue(r.readable(), where);
            assertEquals(e.method(), r.method(), where);
            assertEquals(!"reprogram".equals(e.method()), r.isBaseline(), where);
            assertEquals(e.program(), r.program(), where);
            assertEquals(e.mapping(), r.mapping(), where);
            assertEquals(e.trainer(), r.trainer(), where);
            assertEquals(e.status(), r.status(), where);
            assertFalse(r.isTraining(), where + ": a RUNNING marker of a dead process is not a live run");
            assertEquals("builtin", r.config().source(), where);
            assertEquals(TARGET, r.config().data().target(), where);
            assertEquals(e.epochs(), r.config().optimization().epochs(), where);
            assertNotNull(r.info(), where);
            assertEquals(DIGITS, r.info().targetClasses(), where);
            if (!r.isBaseline()) {
                assertEquals(FASHION, r.info().sourceClasses(), where);
                assertEquals(32 * 32, r.info().placement().canvasSize(), where + ": the 1x32x32 canvas");
            }
            assertFalse(r.metrics().isEmpty(), where + ": metrics.csv rows");
            for (EpochMetrics m : r.metrics()) {
                assertInUnitRange(m.trainAccuracy(), where + " train accuracy");
                assertInUnitRange(m.valAccuracy(), where + " validation accuracy");
                assertTrue(Double.isFinite(m.trainLoss()) && m.trainLoss() >= 0, where + " train loss " + m.trainLoss());
            }
            if ("completed".equals(e.status())) {
                TrainingResult res = r.result();
                assertNotNull(res, where);
                assertInUnitRange(res.testAccuracy(), where + " test accuracy");
                assertInUnitRange(res.testAccuracyAtBestVal(), where + " test accuracy at best validation");
                assertEquals(r.metrics().size(), res.epochs(), where + ": one metrics row per epoch");
                assertEquals(e.method(), res.method(), where);
                assertEquals(40, IntStream.range(0, 10).map(i -> IntStream.of(res.testConfusion()[i]).sum()).sum(),
                        where + ": the test confusion counts the 40 test images");
                assertTrue(res.trainableParameters() > 0, where);
            }
            assertEquals(!r.isBaseline() && !"completed".equals(e.status()), r.isResumable(), where);
        }
        RunRecord killed = RunStore.load(tmp.resolve("runs/interrupted-killed"), false);
        assertNull(killed.result(), "killed: no result.json");
        assertTrue(Files.isRegularFile(killed.dir().resolve(RunFiles.RUNNING)), "killed: its RUNNING marker stayed");
        assertTrue(Files.isRegularFile(killed.dir().resolve(CheckpointFile.NAME)));
        RunRecord stopped = RunStore.load(tmp.resolve("runs/interrupted-sigterm"), false);
        assertEquals(RunStatus.INTERRUPTED, stopped.result().status());
        assertTrue(stopped.result().epochs() < stopped.config().optimization().epochs(),
                "stopped before its last epoch");
    }

    @Test
    void historiesAndLearnedProgramsReplay(@TempDir Path tmp) throws IOException {
        Path root = copyV1(tmp);
        for (String name : V1.keySet()) {
            RunRecord r = RunStore.load(root.resolve(name), true);
            LearnedState learned = LearnedState.read(r);
            if (r.isBaseline()) {
                assertTrue(r.history().isEmpty(), name + ": baselines keep no history");
                assertTrue(learned.isEmpty(), name + ": a baseline has no program or mapping");
                continue;
            }
            List<TrainingSnapshot> history = r.history();
            assertFalse(history.isEmpty(), name);
            assertEquals(0, history.get(0).epoch(), name + ": the history starts before training");
            List<TrainingSnapshot> ends = history.stream().filter(TrainingSnapshot::epochEnd).toList();
            assertEquals(r.metrics().stream().map(EpochMetrics::epoch).toList(),
                    ends.stream().map(TrainingSnapshot::epoch).toList(), name + ": one epoch end per metrics row");
            for (TrainingSnapshot s : history) {
                assertEquals(s.channels() * s.height() * s.width(), s.perturbation().length, name);
                assertEquals(32, s.height(), name);
                assertNotNull(s.mappingWeights(), name);
            }
            for (TrainingSnapshot s : ends) {
                assertNotNull(s.confusion(), name + " epoch " + s.epoch());
                assertEquals(20, s.validationPredictions().length, name + ": every validation image's prediction");
            }
            assertFalse(learned.isEmpty(), name);
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(learned.programPng()));
            assertNotNull(png, name + ": the program picture decodes");
            assertTrue(png.getWidth() >= 32, name);
            assertNotNull(learned.mapping(), name);
            assertEquals(DIGITS, learned.mapping().targetClasses(), name);
            assertEquals(10, learned.mapping().mapping().size(), name);
        }
        // the live view's samples of a saved epoch are recomputed from the folder, every program
        for (String name : PREDICTED) {
            RunRecord r = RunStore.load(root.resolve(name), true);
            TrainingSnapshot last = r.history().get(r.history().size() - 1);
            try (ReplaySamples replay = ReplaySamples.open(r.dir())) {
                assertEquals(r.result().epochs(), replay.stateEpoch(), name);
                assertTrue(replay.canReplay(last), name + ": " + replay.whyNot(last));
                List<TrainingSnapshot.SampleView> samples = replay.at(last, 0);
                assertFalse(samples.isEmpty(), name);
                for (TrainingSnapshot.SampleView s : samples) {
                    assertEquals(last.validationPredictions()[s.index()], s.predictedTarget(),
                            name + ": the replayed prediction is the recorded one");
                }
            }
        }
    }

    @Test
    void allFoldersCompareInOneTable(@TempDir Path tmp) throws IOException {
        Path root = copyV1(tmp);
        List<Path> dirs = V1.keySet().stream().sorted().map(root::resolve).toList();
        ComparisonTable table = ComparisonTable.load(dirs);
        assertEquals(V1.size(), table.rows().size());
        assertEquals(V1.size(), table.readable(), "every legacy folder is a readable row");
        List<RunParameter> differing = table.differing();
        for (RunParameter p : List.of(RunParameter.PROGRAM, RunParameter.MAPPING, RunParameter.TRAINER,
                RunParameter.EPOCHS, RunParameter.SEED)) {
            assertTrue(differing.contains(p), p + " differs between the runs: " + differing);
        }
        for (RunParameter p : List.of(RunParameter.SOURCE, RunParameter.TARGET, RunParameter.SHOTS,
                RunParameter.BATCH_SIZE)) {
            assertFalse(differing.contains(p), p + " is the same in every run: " + differing);
        }
        assertTrue(table.shared().contains(TARGET), table.shared());
        for (ComparisonTable.Row row : table.rows()) {
            Expected e = V1.get(row.run());
            assertNotNull(e, row.run());
            assertEquals(e.status(), row.status(), row.run());
            assertEquals(e.method(), row.method(), row.run());
            assertEquals(e.program(), row.program(), row.run());
            assertEquals(e.mapping(), row.mapping(), row.run());
            assertEquals(e.trainer(), row.trainer(), row.run());
        }
        String[] csv = table.toCsv().split("\r?\n");
        assertEquals(V1.size() + 1, csv.length, "a header and one line per run");
        List<ReplicateGroups.Group> groups = ReplicateGroups.of(new RunStore(root).list());
        assertEquals(V1.size(), groups.stream().mapToInt(ReplicateGroups.Group::n).sum(), "grouping keeps every run");
        assertTrue(groups.size() > 1, "runs with different settings are not one group");
    }

    @Test
    void interruptedRunsResumeToCompletion(@TempDir Path tmp) throws IOException {
        Path root = copyV1(tmp);
        for (String name : List.of("interrupted-killed", "interrupted-sigterm")) {
            Path dir = root.resolve(name);
            int before = CheckpointFile.read(dir).epoch();
            assertTrue(before >= 1 && before < 4, name + ": checkpoint after epoch " + before);
            TrainingResult r = RunLauncher.resume(dir, null, new TrainingListener() {}, new TrainingControl(), 0);
            assertEquals(RunStatus.COMPLETED, r.status(), name + ": " + r.message());
            assertEquals(4, r.epochs(), name);
            assertInUnitRange(r.testAccuracy(), name);
            RunRecord after = RunStore.load(dir, true);
            assertEquals("completed", after.status(), name);
            assertFalse(after.isResumable(), name);
            assertEquals(List.of(1, 2, 3, 4), after.metrics().stream().map(EpochMetrics::epoch).toList(), name);
            assertEquals(4, CheckpointFile.read(dir).epoch(), name);
            assertFalse(Files.exists(dir.resolve(RunFiles.RUNNING)), name + ": the marker is gone");
            for (String f : List.of(RunFiles.RESULT, RunFiles.PROGRAM_PNG, RunFiles.MAPPING_CSV, RunFiles.MAPPING_JSON)) {
                assertTrue(Files.isRegularFile(dir.resolve(f)), name + ": " + f);
            }
            assertEquals(List.of(1, 2, 3, 4), after.history().stream().filter(TrainingSnapshot::epochEnd)
                    .map(TrainingSnapshot::epoch).toList(), name + ": four epoch ends in the history, none twice");
        }
        // finished runs and baselines are refused with the reason, not retrained
        UserInputException done = assertThrows(UserInputException.class, () -> RunLauncher.resume(
                root.resolve("pad-ilm"), null, new TrainingListener() {}, new TrainingControl(), 0));
        assertTrue(done.getMessage().contains("already ended (completed)"), done.getMessage());
        UserInputException baseline = assertThrows(UserInputException.class, () -> RunLauncher.resume(
                root.resolve("baseline-finetune"), null, new TrainingListener() {}, new TrainingControl(), 0));
        assertTrue(baseline.getMessage().contains("baseline"), baseline.getMessage());
    }

    @Test
    void finishedRunsPredictAndExportEveryProgram(@TempDir Path tmp) throws IOException {
        Path root = copyV1(tmp);
        Path test = TestPaths.root().resolve(TARGET).resolve("test");
        for (String name : PREDICTED) {
            Path dir = root.resolve(name);
            RunRecord rec = RunStore.load(dir, false);
            List<Prediction> fromFolder;
            try (Predictor p = Predictor.open(dir, StateChoice.FINAL, "cpu")) {
                assertEquals(DIGITS, p.targetClasses(), name);
                assertEquals(FASHION, p.sourceClasses(), name);
                assertEquals(rec.result().epochs(), p.run().state().epoch(), name);
                fromFolder = p.predict(ImageInputs.expand(List.of(test), p.targetClasses()), 2, false);
            }
            assertEquals(40, fromFolder.size(), name + ": the 40 test images");
            double accuracy = accuracy(fromFolder, name);
            // the recorded figure came from the machine that wrote the fixture: another libtorch may flip a
            // borderline image, not more (a wrongly loaded state lands anywhere)
            assertEquals(rec.result().testAccuracy(), accuracy, 2.0 / 40 + 1e-9,
                    name + ": predicting the test folder reproduces the recorded test accuracy");

            Path zip = tmp.resolve(name + ".zip");
            BundleExporter.Exported out = BundleExporter.export(dir, StateChoice.FINAL, zip, false);
            assertTrue(Files.size(zip) > 0 && out.bytes() == Files.size(zip), name);
            assertTrue(out.entries().contains("SHA256SUMS"), name + ": " + out.entries());
            assertTrue(out.entries().contains("config.json"), name + ": " + out.entries());
            try (Predictor b = Predictor.open(zip, null, "cpu")) {
                List<Prediction> fromBundle = b.predict(ImageInputs.expand(List.of(test), b.targetClasses()), 2,
                        false);
                assertEquals(fromFolder.stream().map(Prediction::predicted).toList(),
                        fromBundle.stream().map(Prediction::predicted).toList(),
                        name + ": the bundle predicts what the run folder predicts");
            }
        }
        // a killed run predicts with the state it reached
        try (Predictor p = Predictor.open(root.resolve("interrupted-killed"), null, "cpu")) {
            assertTrue(p.run().notices().stream().anyMatch(n -> n.contains("did not finish")), p.run().notices()
                    .toString());
            assertEquals(40, accuracyCount(p.predict(ImageInputs.expand(List.of(test), p.targetClasses()), 1, false)));
        }
        // baselines: predict and export refuse them with the reason
        for (String name : List.of("baseline-linear-probe", "baseline-finetune", "baseline-scratch")) {
            Path dir = root.resolve(name);
            UserInputException predict = assertThrows(UserInputException.class,
                    () -> Predictor.open(dir, null, "cpu").close());
            assertTrue(predict.getMessage().contains("baseline run"), predict.getMessage());
            UserInputException export = assertThrows(UserInputException.class,
                    () -> BundleExporter.export(dir, null, tmp.resolve(name + ".zip"), false));
            assertTrue(export.getMessage().contains("baseline run"), export.getMessage());
            assertFalse(Files.exists(tmp.resolve(name + ".zip")), name + ": no bundle written");
        }
    }

    private static double accuracy(List<Prediction> ps, String name) {
        assertEquals(ps.size(), accuracyCount(ps), name + ": every prediction ok and labelled");
        for (Prediction p : ps) {
            assertEquals(2, p.top().size(), name);
            assertInUnitRange(p.probability(), name + " probability");
        }
        return (double) ps.stream().filter(Prediction::correct).count() / ps.size();
    }

    /** How many predictions succeeded and know their true class. */
    private static int accuracyCount(List<Prediction> ps) {
        List<Prediction> ok = new ArrayList<>();
        for (Prediction p : ps) {
            if (p.ok() && p.trueClass() >= 0) {
                ok.add(p);
            }
        }
        return ok.size();
    }

    private static void assertInUnitRange(double v, String what) {
        assertTrue(v >= 0 && v <= 1, what + " in [0, 1]: " + v);
    }
}
