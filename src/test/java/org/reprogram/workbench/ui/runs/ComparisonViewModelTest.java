package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** The comparison of selected runs: chosen metric, differing settings, programs and mappings side by side. */
class ComparisonViewModelTest {

    private static final RunSpec PAD = RunSpec.defaults("digits")
            .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
            .withValue(ParameterRegistry.get("program.inner_size"), 10);

    private final List<String> errors = new ArrayList<>();
    private final ComparisonViewModel vm = new ComparisonViewModel(new SyncTaskExecutor(), errors::add);

    private static RunRecord run(Path tmp, String name, RunSpec cfg, int epochs, double scale, boolean finished)
            throws Exception {
        return RunStore.load(RecordedRuns.reprogram(tmp.resolve(name), cfg, epochs, scale, finished, false), false);
    }

    @Test
    void theChosenMetricDecidesWhichValuesTheLinesShow(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp, "a", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), 4, 0.8, true);
        RunRecord b = run(tmp, "b", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01)
                .with(Settings.SEED, 0L), 2, 0.6, true);
        vm.compare(List.of(a, b));
        assertEquals(CurveMetric.VAL_ACCURACY, vm.metric.get(), "validation accuracy first");
        assertEquals(2, vm.curves.size());
        assertEquals(0.8, last(vm.curves.get(0)), 1e-9, "val accuracy = scale * epoch / epochs");
        assertEquals(0.6, last(vm.curves.get(1)), 1e-9);
        assertEquals("", vm.curves.get(0).label(), "one line per run: no line label");

        vm.metric.set(CurveMetric.TRAIN_LOSS);
        assertEquals(2, vm.curves.size());
        assertEquals(2.0 / 4, last(vm.curves.get(0)), 1e-6, "train loss = 2 / epoch");
        assertFalse(vm.curves.get(0).dashed());

        vm.metric.set(CurveMetric.LEARNING_RATE);
        assertEquals(0.05 / 4, last(vm.curves.get(0)), 1e-6);
        assertEquals(0.01 / 2, last(vm.curves.get(1)), 1e-6);

        vm.metric.set(CurveMetric.ACCURACY);
        assertEquals(4, vm.curves.size(), "validation and training line per run");
        ComparisonViewModel.Curve val = vm.curves.get(0);
        ComparisonViewModel.Curve train = vm.curves.get(1);
        assertEquals("validation", val.label());
        assertFalse(val.dashed());
        assertEquals("training", train.label());
        assertTrue(train.dashed(), "training dashed");
        assertEquals(val.color(), train.color(), "one colour per run");
        assertEquals(1, vm.curves.get(2).color());
        assertEquals(0.4 + 0.05 * 4, last(train), 1e-6);

        vm.metric.set(CurveMetric.QUERIES);
        assertTrue(vm.curves.stream().allMatch(c -> c.points().isEmpty()), "white-box runs count no queries");
        vm.metric.set(CurveMetric.VAL_LOSS);
        vm.compare(List.of());
        assertTrue(vm.curves.isEmpty());
        assertEquals(ComparisonViewModel.HINT_SELECT, vm.hint.get());
    }

    @Test
    void epochTicksAreWholeNumbersAndNeverTooMany() {
        assertEquals(1, ComparisonViewModel.epochTick(1));
        assertEquals(1, ComparisonViewModel.epochTick(8));
        assertEquals(1, ComparisonViewModel.epochTick(12));
        assertEquals(2, ComparisonViewModel.epochTick(13));
        assertEquals(5, ComparisonViewModel.epochTick(40));
        assertEquals(10, ComparisonViewModel.epochTick(100));
        assertEquals(20, ComparisonViewModel.epochTick(200));
        assertEquals(500, ComparisonViewModel.epochTick(5000));
    }

    @Test
    void theTableShowsTheSettingsThatDifferAndNamesWhatIsShared(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp, "a", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05)
                .with(Settings.SEED, 0L), 2, 0.8, true);
        RunRecord b = run(tmp, "b", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01)
                .with(Settings.SEED, 1L), 2, 0.7, true);
        RunRecord c = run(tmp, "c", PAD.with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "ilm")
                .withValue(ParameterRegistry.get("program.inner_size"), 10)
                .with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05).with(Settings.SEED, 0L), 2, 0.7, true);
        vm.compare(List.of(a, b));
        assertEquals(List.of(RunParameter.LR, RunParameter.SEED), List.copyOf(vm.differing));
        assertEquals("0.01", vm.rows.get(1).parameters().get(RunParameter.LR));
        assertEquals("1", vm.rows.get(1).parameters().get(RunParameter.SEED));
        assertTrue(vm.shared.get().contains("mapping linear") && vm.shared.get().contains("epochs 10"),
                vm.shared.get());
        vm.compare(List.of(a, c));
        assertEquals(List.of(RunParameter.MAPPING), List.copyOf(vm.differing));
        vm.compare(List.of(a, b, c));
        assertEquals(List.of(RunParameter.MAPPING, RunParameter.LR, RunParameter.SEED), List.copyOf(vm.differing));
        assertEquals(3, vm.rows.size());
    }

    @Test
    void programsAndMappingsStandSideBySideOneColumnPerRun(@TempDir Path tmp) throws Exception {
        RunRecord linear = run(tmp, "linear", PAD, 2, 0.8, true);
        RunRecord ilm = RunStore.load(RecordedRuns.reprogram(tmp.resolve("ilm"),
                PAD.with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "ilm")
                .withValue(ParameterRegistry.get("program.inner_size"), 10), 2, 0.7, true, true), false);
        RunRecord live = run(tmp, "live", PAD, 1, 0.5, false);
        RunRecord probe = RunStore.load(RecordedRuns.baseline(tmp.resolve("probe"),
                RunSpec.baseline(Method.LINEAR_PROBE, "digits"), 2, 0.6), false);
        vm.compare(List.of(linear, ilm, live, probe));
        assertEquals(4, vm.sides.size());
        ComparisonViewModel.Side l = vm.sides.get(0);
        assertEquals("linear", l.name());
        assertEquals(0, l.color());
        assertArrayEquals(Files.readAllBytes(linear.dir().resolve(RunFiles.PROGRAM_PNG)), l.programPng());
        assertEquals(3, l.mapping().size(), "one line per target class");
        assertEquals(new ComparisonViewModel.MappingLine("zero", "boot 0.40, bag 0.30, trouser 0.20"),
                l.mapping().get(0), "learned weights: the heaviest sources with their weights");
        assertEquals("pad · linear · test 72.0 %", l.caption());
        assertEquals("", l.missing());

        ComparisonViewModel.Side one = vm.sides.get(1);
        assertEquals(new ComparisonViewModel.MappingLine("zero", "boot"), one.mapping().get(0),
                "one-to-one: just the source class");

        ComparisonViewModel.Side running = vm.sides.get(2);
        assertNotNull(running.programPng(), "drawn from the newest epoch in the history");
        assertTrue(running.caption().endsWith("epoch 1 (running)"), running.caption());

        ComparisonViewModel.Side baseline = vm.sides.get(3);
        assertNull(baseline.programPng());
        assertTrue(baseline.mapping().isEmpty());
        assertTrue(baseline.missing().contains("baseline has no input program"), baseline.missing());
        assertEquals(3, baseline.color());
        assertTrue(errors.isEmpty(), errors.toString());

        vm.compare(List.of(ilm));
        assertEquals(1, vm.sides.size());
        assertEquals("ilm", vm.sides.get(0).name());
    }

    @Test
    void aSlowReadForAnOldSelectionDoesNotOverwriteTheNewOne(@TempDir Path tmp) throws Exception {
        SyncTaskExecutor deferred = new SyncTaskExecutor(true);
        ComparisonViewModel slow = new ComparisonViewModel(deferred, errors::add);
        RunRecord a = run(tmp, "a", PAD, 1, 0.5, true);
        RunRecord b = run(tmp, "b", PAD, 1, 0.5, true);
        slow.compare(List.of(a, b));
        slow.compare(List.of(b));
        deferred.runPending();
        assertEquals(1, slow.sides.size());
        assertEquals("b", slow.sides.get(0).name());
    }

    private static double last(ComparisonViewModel.Curve c) {
        return c.points().get(c.points().size() - 1)[1];
    }

    @Test
    void aLinearProbesIterationsAreALevelLineAcrossTheOtherRunsEpochs(@TempDir Path tmp) throws Exception {
        RunRecord pad = run(tmp, "pad", PAD, 3, 0.8, true);
        RunRecord probe = RunStore.load(RecordedRuns.baseline(tmp.resolve("probe"),
                RunSpec.baseline(Method.LINEAR_PROBE, "digits"), 40, 0.6), false);
        vm.compare(List.of(pad, probe));
        ComparisonViewModel.Curve padLine = vm.curves.get(0);
        ComparisonViewModel.Curve probeLine = vm.curves.get(1);
        assertEquals(3, padLine.points().size(), "a run with epochs keeps its points");
        assertEquals(2, probeLine.points().size(), "the probe: one level line");
        assertEquals(1, probeLine.points().get(0)[0]);
        assertEquals(3, probeLine.points().get(1)[0], "as long as the other runs' epochs, not its 40 iterations");
        double last = probe.metrics().get(probe.metrics().size() - 1).valAccuracy();
        assertEquals(last, probeLine.points().get(0)[1]);
        assertEquals(last, probeLine.points().get(1)[1]);

        vm.compare(List.of(probe));
        assertEquals(40, vm.curves.get(0).points().size(), "alone, the probe shows its iterations");
    }
}
