package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;

/** Which settings differ between runs: the compare table's columns in the GUI and the CLI. */
class RunParameterTest {

    private static final RunSpec PAD = RunSpec.defaults("digits")
            .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
            .withValue(ParameterRegistry.get("program.inner_size"), 10);

    private static RunRecord run(Path tmp, String name, RunSpec cfg) throws Exception {
        return RunStore.load(RecordedRuns.reprogram(tmp.resolve(name), cfg, 2, 0.7, true, false), false);
    }

    @Test
    void runsThatDifferOnlyInLearningRateAndSeedShowJustThose(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp, "a", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05).with(Settings.SEED, 0L));
        RunRecord b = run(tmp, "b", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01).with(Settings.SEED, 1L));
        RunRecord c = run(tmp, "c", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05).with(Settings.SEED, 0L));
        assertEquals(List.of(RunParameter.LR, RunParameter.SEED), RunParameter.differing(List.of(a, b, c)));
        assertEquals(List.of(), RunParameter.differing(List.of(a, c)), "identical settings: nothing differs");
        assertEquals(List.of(), RunParameter.differing(List.of(a)), "one run: nothing to compare");
        assertEquals("0.05", RunParameter.LR.valueOf(a));
        assertEquals("0.01", RunParameter.LR.valueOf(b));
        String shared = RunParameter.shared(List.of(a, b));
        assertTrue(shared.startsWith("source builtin, target digits, program pad, inner size 10, frame tanh,"
                + " mapping linear, trainer whitebox"), shared);
        assertFalse(shared.contains("lr ") || shared.contains("seed "), "differing ones are not 'shared': " + shared);
        assertFalse(shared.contains(" q ") || shared.contains("beta"), "white-box runs: q and beta do not apply");
    }

    @Test
    void settingsThatDoNotApplyReadDashAndCountWhenTheyDiffer(@TempDir Path tmp) throws Exception {
        RunRecord pad = run(tmp, "pad", PAD.with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "ilm")
                .withValue(ParameterRegistry.get("program.inner_size"), 0));
        RunRecord full = run(tmp, "full", PAD.with(Settings.PROGRAM, "full").with(Settings.MAPPING, "ilm")
                .withValue(ParameterRegistry.get("program.inner_size"), 0));
        RunRecord black = run(tmp, "black", PAD.with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "ilm")
                .withValue(ParameterRegistry.get("program.inner_size"), 0)
                .with(Settings.TRAINER, TrainerKind.BLACKBOX).with(Settings.QUERY_DIRECTIONS, 5)
                .with(Settings.SMOOTHING, 0.1));
        RunRecord random = run(tmp, "random", PAD.with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "random")
                .withValue(ParameterRegistry.get("program.inner_size"), 0));
        assertEquals("auto", RunParameter.INNER_SIZE.valueOf(pad), "inner size 0 = half the canvas");
        assertEquals("-", RunParameter.INNER_SIZE.valueOf(full), "full fills the canvas");
        assertEquals("-", RunParameter.FRAME.valueOf(full));
        assertEquals("-", RunParameter.QUERY_DIRECTIONS.valueOf(pad));
        assertEquals("5", RunParameter.QUERY_DIRECTIONS.valueOf(black));
        assertEquals("0.1", RunParameter.SMOOTHING.valueOf(black));
        assertEquals("1", RunParameter.SOURCES_PER_CLASS.valueOf(random));
        assertEquals("-", RunParameter.SOURCES_PER_CLASS.valueOf(pad));
        assertEquals(List.of(RunParameter.PROGRAM, RunParameter.INNER_SIZE, RunParameter.FRAME),
                RunParameter.differing(List.of(pad, full)));
        assertEquals(List.of(RunParameter.TRAINER, RunParameter.QUERY_DIRECTIONS, RunParameter.SMOOTHING),
                RunParameter.differing(List.of(pad, black)));

        Path probeDir = RecordedRuns.baseline(tmp.resolve("probe"), RunSpec.baseline(Method.LINEAR_PROBE,
                "digits"), 2, 0.6);
        RunRecord probe = RunStore.load(probeDir, false);
        assertEquals("-", RunParameter.PROGRAM.valueOf(probe));
        assertEquals("linear-head", RunParameter.MAPPING.valueOf(probe));
        assertEquals("baseline", RunParameter.TRAINER.valueOf(probe));
        assertEquals("constant", RunParameter.SCHEDULE.valueOf(probe));
        assertEquals("-", RunParameter.LOSS.valueOf(probe));
        assertTrue(RunParameter.differing(List.of(pad, probe)).containsAll(List.of(RunParameter.PROGRAM,
                RunParameter.MAPPING, RunParameter.TRAINER, RunParameter.SCHEDULE)));

        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve(RunFiles.CONFIG), "{\"mine\":1}");
        RunRecord unreadable = RunStore.loadOrUnreadable(foreign);
        assertEquals("-", RunParameter.LR.valueOf(unreadable));
        assertEquals(List.of(), RunParameter.differing(List.of(pad, unreadable)), "unreadable folders take no part");
    }

    /** A recorded run whose info.json says it trained on DEVICE ("cpu, 2 threads"). */
    private static Path runOn(Path tmp, String name, String device) throws Exception {
        Path dir = RecordedRuns.reprogram(tmp.resolve(name), PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), 2, 0.7, true, false);
        com.google.gson.JsonObject info = org.reprogram.workbench.core.Json.GSON.fromJson(
                Files.readString(dir.resolve(RunFiles.INFO)), com.google.gson.JsonObject.class);
        info.addProperty("device", device);
        Files.writeString(dir.resolve(RunFiles.INFO), info.toString());
        return dir;
    }

    @Test
    void theThreadCountIsASettingTheComparisonShowsWhenItDiffers(@TempDir Path tmp) throws Exception {
        // the window trains with one core fewer than the CLI by default: the same seed then differs in the last digits
        Path window = runOn(tmp, "window", "cpu, 1 thread");
        Path cli = runOn(tmp, "cli", "cpu, 2 threads");
        RunRecord w = RunStore.load(window, false);
        assertEquals("1", RunParameter.THREADS.valueOf(w));
        assertEquals("2", RunParameter.THREADS.valueOf(RunStore.load(cli, false)));
        assertEquals("-", RunParameter.THREADS.valueOf(RunStore.load(runOn(tmp, "gpu", "gpu(0)"), false)));
        ComparisonTable t = ComparisonTable.load(List.of(window, cli));
        assertEquals(List.of(RunParameter.THREADS), t.differing(), "same settings but the threads");
        assertTrue(t.titles().contains("threads"), t.titles().toString());
        assertTrue(ComparisonTable.HEADER.contains("threads"));
        assertTrue(RunParameter.shared(List.of(w, RunStore.load(runOn(tmp, "w2", "cpu, 1 thread"), false)))
                .endsWith("threads 1"), "shared by two one-thread runs");
    }

    @Test
    void thePrintedTableShowsTheDifferingSettingsAsColumnsAndTheCsvHasThemAll(@TempDir Path tmp) throws Exception {
        Path a = RecordedRuns.reprogram(tmp.resolve("a"), PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), 2, 0.7, true, false);
        Path b = RecordedRuns.reprogram(tmp.resolve("b"), PAD.with(Settings.BATCH_SIZE, 32).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), 2, 0.8, true, false);
        ComparisonTable t = ComparisonTable.load(List.of(a, b, tmp.resolve("missing")));
        assertEquals(List.of(RunParameter.BATCH_SIZE), t.differing());
        assertEquals(List.of("run", "status", "method", "batch", "test accuracy"), t.titles().subList(0, 5));
        assertEquals(t.titles().size(), t.cells().get(0).size(), "cells line up with the titles");
        assertEquals("64", t.cells().get(0).get(3));
        assertEquals("32", t.cells().get(1).get(3));
        assertEquals("-", t.cells().get(2).get(3), "the missing folder's row");
        assertFalse(t.numeric(3), "settings are text");
        assertTrue(t.numeric(4), "results are numbers");
        assertTrue(t.shared().contains("lr 0.05") && !t.shared().contains("batch"), t.shared());

        List<String> csv = t.toCsv().lines().toList();
        assertEquals(String.join(",", ComparisonTable.HEADER), csv.get(0));
        List<String> header = ComparisonTable.HEADER;
        assertEquals(List.of("run", "status", "method", "program", "mapping", "frame", "trainer", "test_accuracy"),
                header.subList(0, 8), "the columns of earlier versions keep their places");
        for (RunParameter p : RunParameter.values()) {
            assertTrue(header.contains(p.id()), p.id());
        }
        String[] row = csv.get(2).split(",", -1);
        assertEquals(header.size(), row.length);
        assertEquals("32", row[header.indexOf("batch_size")]);
        assertEquals("0.05", row[header.indexOf("lr")]);
        assertEquals("10", row[header.indexOf("inner_size")]);
    }
}
