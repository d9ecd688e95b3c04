package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunNotes;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.ui.common.ResultTexts;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.training.TrainingViewModelTest;

class RunsViewModelTest {

    private static RunsViewModel model(Path runs) throws Exception {
        write(runs.resolve("20260101-000000-pad-ilm-digits"), RunSpec.defaults("digits"), 3, true);
        write(runs.resolve("20260102-000000-full-linear-digits"),
                RunSpec.defaults("digits").with(Settings.PROGRAM, "full").with(Settings.MAPPING, "linear"), 2, true);
        write(runs.resolve("20260103-000000-pad-flm-digits"),
                RunSpec.defaults("digits").with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "flm"), 1, false);
        Files.createDirectories(runs.resolve("not-a-run"));
        RunsViewModel vm = new RunsViewModel(new SyncTaskExecutor(), new RunStore(runs));
        vm.refresh();
        return vm;
    }

    @Test
    void filterMatchesAllWordsAgainstNameStatusProgramMappingTrainer(@TempDir Path runs) throws Exception {
        RunsViewModel vm = model(runs);
        assertEquals(3, vm.runs().size());
        assertEquals("20260103-000000-pad-flm-digits", vm.runs().get(0).name(), "newest first");
        vm.filter.set("full linear");
        assertEquals(1, vm.runs().size());
        vm.filter.set("pad incomplete");
        assertEquals(1, vm.runs().size(), "the run without result.json is 'incomplete'");
        vm.filter.set("COMPLETED whitebox");
        assertEquals(2, vm.runs().size());
        vm.filter.set("blackbox");
        assertEquals(0, vm.runs().size());
        vm.filter.set(" ");
        assertEquals(3, vm.runs().size());
    }

    @Test
    void compareFollowsTheSelection(@TempDir Path runs) throws Exception {
        RunsViewModel vm = model(runs);
        ComparisonViewModel c = vm.comparison;
        assertEquals(ComparisonViewModel.HINT_SELECT, c.hint.get());
        assertTrue(c.curves.isEmpty(), "nothing selected: no lines (the chart shows the hint, not empty axes)");
        vm.selected.setAll(vm.runs().get(1));
        assertEquals(ComparisonViewModel.HINT_MORE, c.hint.get());
        assertEquals(1, c.curves.size(), "one run already shows its curve");
        vm.selected.setAll(vm.runs().get(1), vm.runs().get(2));
        assertEquals("", c.hint.get());
        assertEquals(2, c.curves.size());
        assertEquals(2, c.curves.get(0).points().size(), "full-linear: 2 epochs");
        assertEquals(3, c.curves.get(1).points().size(), "pad-ilm: 3 epochs");
        assertEquals(0.3, c.curves.get(1).points().get(2)[1], 1e-9);
        assertEquals(List.of(RunParameter.PROGRAM, RunParameter.INNER_SIZE, RunParameter.FRAME, RunParameter.MAPPING),
                List.copyOf(c.differing), "full vs pad: the frame's settings apply to pad only");
        ComparisonViewModel.Row row = c.rows.get(1);
        assertEquals("pad", row.program());
        assertEquals("ilm", row.mapping());
        assertEquals("80.0 %", row.testAccuracy());
        assertEquals(3, row.epochs());
    }

    @Test
    void exportCopiesTheRunFilesAndOpenReadsTheHistory(@TempDir Path runs, @TempDir Path out) throws Exception {
        RunsViewModel vm = model(runs);
        RunRecord run = vm.runs().get(2);
        vm.export(run, out.resolve("export"));
        assertTrue(vm.message.get().startsWith("Exported 4 files"), vm.message.get());
        assertTrue(Files.exists(out.resolve("export").resolve(run.name() + "-" + RunFiles.METRICS)));
        assertTrue(Files.exists(out.resolve("export").resolve(run.name() + "-" + RunFiles.PROGRAM_PNG)));
        List<RunRecord> opened = new ArrayList<>();
        vm.open(run, opened::add);
        assertEquals(1, opened.size());
        assertEquals(run.dir(), opened.get(0).dir());
    }

    private static void write(Path dir, RunSpec cfg, int epochs, boolean finished) throws Exception {
        Files.createDirectories(dir);
        Json.write(dir.resolve(RunFiles.CONFIG), RunSpecJson.toJson(cfg));
        StringBuilder csv = new StringBuilder(EpochMetrics.CSV_HEADER + "\n");
        for (int e = 1; e <= epochs; e++) {
            csv.append(new EpochMetrics(e, 1, 0.5, 1, 0.1 * e, 0.01, 100, e, 0, Double.NaN, null).toCsv()).append('\n');
        }
        Files.writeString(dir.resolve(RunFiles.METRICS), csv);
        if (finished) {
            Json.write(dir.resolve(RunFiles.RESULT), TrainingViewModelTest.result("completed", null));
            Files.write(dir.resolve(RunFiles.PROGRAM_PNG), new byte[] {1, 2, 3});
        }
    }

    // --- method, test accuracy at the best validation epoch, queries; old and baseline runs ----

    private static TrainingResult result(String method, String program, String mapping, String trainer,
            double atBest, int bestEpoch, long queries, long training, long mappingQ, long evaluation) {
        return TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.8).testLoss(0.8)
                .bestValAccuracy(0.6).parameters(3, 4).wallSeconds(1.5).epochs(2).program(program)
                .mapping(mapping).trainer(trainer).source("builtin").target("digits").device("cpu()")
                .imagesPerSecond(1000).queries(training, mappingQ, evaluation).totalQueries(queries)
                .peakRssMegabytes(300).method(method).testAccuracyAtBestVal(atBest).bestEpoch(bestEpoch).build();
    }

    private static RunRecord saved(Path runs, String name, RunSpec cfg, String resultJson) throws Exception {
        Path dir = runs.resolve(name);
        write(dir, cfg, 2, false);
        Files.writeString(dir.resolve(RunFiles.RESULT), resultJson);
        return RunStore.load(dir, false);
    }

    @Test
    void rowsShowMethodBothTestAccuraciesAndBlackBoxQueries(@TempDir Path runs) throws Exception {
        RunRecord black = saved(runs, "b", RunSpec.defaults("digits")
                .with(Settings.TRAINER, TrainerKind.BLACKBOX), Json.toJson(
                result("reprogram", "pad", "ilm", "blackbox", 0.825, 2, 12000, 10000, 1000, 1000)));
        ComparisonViewModel.Row row = ComparisonViewModel.row(black);
        assertEquals("reprogramming", row.method());
        assertEquals("80.0 %", row.testAccuracy());
        assertEquals("82.5 % (epoch 2)", row.testAtBestVal());
        assertEquals("60.0 %", row.bestVal());
        assertEquals("12,000 (10,000 + 1,000 + 1,000)", row.queries(), "training + mapping + evaluation");
        assertEquals("12,000", ResultTexts.totalQueries(black.result(), "blackbox"));
        RunRecord white = saved(runs, "w", RunSpec.defaults("digits"), Json.toJson(
                result("reprogram", "pad", "ilm", "whitebox", 0.825, 2, 5000, 4000, 500, 500)));
        assertEquals("-", ComparisonViewModel.row(white).queries(), "white-box runs: queries are not the budget");
    }

    @Test
    void runsSavedBeforeTheNewFieldsShowDashes(@TempDir Path runs) throws Exception {
        JsonObject json = JsonParser.parseString(Json.toJson(result("reprogram", "pad", "ilm", "blackbox", 0.9, 2,
                12000, 10000, 1000, 1000))).getAsJsonObject();
        for (String added : List.of("method", "testAccuracyAtBestVal", "bestEpoch", "trainingQueries", "mappingQueries",
                "evaluationQueries")) {
            json.remove(added);
        }
        RunRecord old = saved(runs, "old", RunSpec.defaults("digits")
                .with(Settings.TRAINER, TrainerKind.BLACKBOX), json.toString());
        ComparisonViewModel.Row row = ComparisonViewModel.row(old);
        assertEquals("reprogramming", row.method(), "results without a method were reprogramming runs");
        assertEquals("80.0 %", row.testAccuracy());
        assertEquals("-", row.testAtBestVal());
        assertEquals("12,000", row.queries(), "the total only: the split was not recorded");
        RunRecord incomplete = RunStore.load(runs.resolve("old"), false);
        Files.delete(incomplete.dir().resolve(RunFiles.RESULT));
        row = ComparisonViewModel.row(RunStore.load(incomplete.dir(), false));
        assertEquals("-", row.testAccuracy());
        assertEquals("-", row.testAtBestVal());
        assertEquals("-", row.queries());
    }

    @Test
    void baselineRunsShowTheirMethodWithoutProgramOrMapping(@TempDir Path runs) throws Exception {
        Path dir = runs.resolve("20260104-000000-linear-probe-digits");
        Files.createDirectories(dir);
        Json.write(dir.resolve(RunFiles.CONFIG), RunSpecJson.toJson(RunSpec.baseline(Method.LINEAR_PROBE, "digits")));
        Json.write(dir.resolve(RunFiles.RESULT), result("linear-probe", "-", "-", "whitebox", 0.7, 3, 0, 0, 0, 0));
        for (String method : List.of("finetune", "scratch")) {
            Path d = runs.resolve("20260105-000000-" + method);
            Files.createDirectories(d);
            Json.write(d.resolve(RunFiles.CONFIG),
                    RunSpecJson.toJson(RunSpec.baseline(Method.parse(method), "digits")));
            Json.write(d.resolve(RunFiles.RESULT), result(method, "-", "-", "whitebox", Double.NaN, 0, 0, 0, 0, 0));
        }
        RunsViewModel vm = model(runs);
        assertEquals(6, vm.runs().size(), "baseline folders are listed with the others");
        vm.filter.set("probe");
        assertEquals(1, vm.runs().size());
        ComparisonViewModel.Row row = ComparisonViewModel.row(vm.runs().get(0));
        assertEquals("linear probe", row.method());
        assertEquals("-", row.program());
        assertEquals("-", row.mapping());
        assertEquals("70.0 % (epoch 3)", row.testAtBestVal());
        vm.filter.set("");
        List<String> methods = vm.runs().stream().map(ResultTexts::method).toList();
        assertTrue(methods.containsAll(List.of("fine-tuning", "from scratch", "reprogramming")), methods.toString());
        vm.selected.setAll(vm.runs());
        assertEquals(6, vm.comparison.rows.size());
    }

    // --- issue 10: names and notes, a refresh keeps the selection -----------------------------

    @Test
    void renameAndNoteArePersistedAndShownInListFilterTableAndLegend(@TempDir Path runs) throws Exception {
        RunsViewModel vm = model(runs);
        assertFalse(vm.notesEditable().get(), "nothing selected");
        RunRecord pad = vm.runs().get(2);
        vm.selected.setAll(vm.runs().get(1), pad);
        assertFalse(vm.notesEditable().get(), "two selected: whose name would it be?");
        vm.saveNotes();
        assertFalse(Files.exists(pad.dir().resolve(RunFiles.NOTES)));

        vm.selected.setAll(pad);
        assertTrue(vm.notesEditable().get());
        assertEquals("", vm.editName.get());
        byte[] config = Files.readAllBytes(pad.dir().resolve(RunFiles.CONFIG));
        byte[] metrics = Files.readAllBytes(pad.dir().resolve(RunFiles.METRICS));
        vm.editName.set("demo frame, ILM");
        vm.editNote.set("the teaching preset");
        vm.saveNotes();
        assertTrue(vm.message.get().startsWith("Saved the name and note of " + pad.name()), vm.message.get());
        RunNotes saved = RunNotes.read(pad.dir());
        assertEquals(new RunNotes("demo frame, ILM", "the teaching preset"), saved);
        assertArrayEquals(config, Files.readAllBytes(pad.dir().resolve(RunFiles.CONFIG)), "config.json untouched");
        assertArrayEquals(metrics, Files.readAllBytes(pad.dir().resolve(RunFiles.METRICS)), "metrics.csv untouched");

        assertEquals(1, vm.selected.size(), "the list was re-read and the run is still selected");
        RunRecord renamed = vm.selected.get(0);
        assertEquals(pad.dir(), renamed.dir());
        assertEquals("demo frame, ILM", renamed.displayName());
        assertTrue(vm.runs().contains(renamed));
        assertEquals("demo frame, ILM", vm.editName.get());
        assertEquals("the teaching preset", vm.editNote.get());
        vm.selected.setAll(renamed, vm.runs().get(0));
        ComparisonViewModel c = vm.comparison;
        assertEquals("demo frame, ILM", c.curves.get(0).name(), "the legend shows the name");
        assertEquals(pad.name(), c.curves.get(0).folder());
        assertEquals("demo frame, ILM", c.rows.get(0).name());
        assertEquals("the teaching preset", c.rows.get(0).note());
        vm.filter.set("teaching");
        assertEquals(List.of(renamed), List.copyOf(vm.runs()), "the filter searches names and notes");
        vm.filter.set("ILM DEMO");
        assertEquals(1, vm.runs().size());
    }

    @Test
    void savingNotesOfARunThatWasDeletedSaysSoAndCreatesNothing(@TempDir Path runs) throws Exception {
        RunsViewModel vm = model(runs);
        RunRecord run = vm.runs().get(0);
        vm.selected.setAll(run);
        for (String f : List.of(RunFiles.CONFIG, RunFiles.METRICS)) {
            Files.delete(run.dir().resolve(f));
        }
        Files.delete(run.dir());
        vm.editName.set("gone");
        vm.saveNotes();
        assertTrue(vm.message.get().startsWith("Cannot save the name and note of " + run.name())
                && vm.message.get().contains("no longer exists"), vm.message.get());
        assertFalse(Files.exists(run.dir()));
    }

    @Test
    void aRefreshKeepsTheSelectedRunsSelected(@TempDir Path runs) throws Exception {
        RunsViewModel vm = model(runs);
        vm.selected.setAll(vm.runs().get(0), vm.runs().get(2));
        write(runs.resolve("20260104-000000-pad-blm-digits"), RunSpec.defaults("digits"), 1, true);
        vm.refresh();
        assertEquals(4, vm.runs().size());
        assertEquals(List.of("20260103-000000-pad-flm-digits", "20260101-000000-pad-ilm-digits"),
                vm.selected.stream().map(RunRecord::name).toList());
        assertEquals(2, vm.comparison.rows.size());
        vm.filter.set("flm");
        vm.refresh();
        assertEquals(List.of("20260103-000000-pad-flm-digits"), vm.selected.stream().map(RunRecord::name).toList(),
                "a run the filter hides is no longer selected");
    }

    // --- issue 9: a foreign folder hides no run; exports are readable by others ----------------

    @Test
    void aForeignFolderIsListedAsUnreadableAndHidesNoRun(@TempDir Path runs) throws Exception {
        Path foreign = Files.createDirectories(runs.resolve("20260109-someone-elses"));
        Files.writeString(foreign.resolve(RunFiles.CONFIG), "{\"mine\":1}");
        Path broken = Files.createDirectories(runs.resolve("20260108-broken"));
        Files.writeString(broken.resolve(RunFiles.CONFIG), "{\"target\": ");
        RunsViewModel vm = model(runs);
        assertEquals(5, vm.runs().size(), "the three runs and the two unreadable folders");
        RunRecord mine = vm.runs().get(0);
        assertEquals("20260109-someone-elses", mine.name());
        assertEquals("unreadable", mine.status());
        assertTrue(mine.problem().contains("not a run config"), mine.problem());
        assertTrue(vm.message.get().contains("2 folders") && vm.message.get().contains("20260109-someone-elses"),
                vm.message.get());
        vm.filter.set("unreadable");
        assertEquals(2, vm.runs().size());
        vm.filter.set("completed");
        assertEquals(2, vm.runs().size(), "the readable runs are all there");
        vm.filter.set("");
        ComparisonViewModel.Row row = ComparisonViewModel.row(mine);
        assertEquals("unreadable", row.status());
        assertEquals("-", row.program());
        assertEquals("-", row.testAccuracy());
        vm.selected.setAll(vm.runs());
        assertEquals(5, vm.comparison.rows.size());
        List<RunRecord> opened = new ArrayList<>();
        vm.open(mine, opened::add);
        assertTrue(opened.isEmpty());
        assertTrue(vm.message.get().startsWith("Cannot open 20260109-someone-elses: ")
                && vm.message.get().contains("not a run config"), vm.message.get());

        Files.delete(foreign.resolve(RunFiles.CONFIG));
        Files.delete(broken.resolve(RunFiles.CONFIG));
        vm.message.set("Cannot read 2 folders ...");
        vm.refresh();
        assertEquals(3, vm.runs().size());
        assertEquals("", vm.message.get(), "the notice goes once the folders are gone");
    }

    @Test
    void exportedFilesAreReadableByOthersEvenFromAnOwnerOnlyRun(@TempDir Path runs, @TempDir Path out)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews().contains("posix"), "POSIX file system");
        RunsViewModel vm = model(runs);
        RunRecord run = vm.runs().get(1);
        try (var files = Files.list(run.dir())) {
            for (Path f : files.toList()) { // as written by earlier versions
                Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
        Path probe = Files.createFile(out.resolve("probe"));
        String expected = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        vm.export(run, out.resolve("export"));
        assertTrue(vm.message.get().startsWith("Exported 4 files"), vm.message.get());
        try (var files = Files.list(out.resolve("export"))) {
            for (Path f : files.toList()) {
                assertEquals(expected, java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }
}
