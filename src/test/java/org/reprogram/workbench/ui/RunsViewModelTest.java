package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.TrainConfig;

class RunsViewModelTest {

    private static RunsViewModel model(Path runs) throws Exception {
        write(runs.resolve("20260101-000000-pad-ilm-digits"), TrainConfig.defaults("digits"), 3, true);
        write(runs.resolve("20260102-000000-full-linear-digits"),
                TrainConfig.defaults("digits").withProgramAndMapping(ProgramKind.FULL, 0, MappingKind.LINEAR), 2, true);
        write(runs.resolve("20260103-000000-pad-flm-digits"),
                TrainConfig.defaults("digits").withProgramAndMapping(ProgramKind.PAD, 0, MappingKind.FLM), 1, false);
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
    void compareOverlaysValidationCurvesAndTabulatesFinalMetrics(@TempDir Path runs) throws Exception {
        RunsViewModel vm = model(runs);
        vm.selected.setAll(vm.runs().get(1));
        vm.compare();
        assertTrue(vm.message.get().contains("two or more"), vm.message.get());
        vm.selected.setAll(vm.runs().get(1), vm.runs().get(2));
        vm.compare();
        assertEquals("", vm.message.get());
        assertEquals(2, vm.curves.size());
        assertEquals(2, vm.curves.get(0).points().size(), "full-linear: 2 epochs");
        assertEquals(3, vm.curves.get(1).points().size(), "pad-ilm: 3 epochs");
        assertEquals(0.3, vm.curves.get(1).points().get(2)[1], 1e-9);
        RunsViewModel.Row row = vm.rows.get(1);
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

    private static void write(Path dir, TrainConfig cfg, int epochs, boolean finished) throws Exception {
        Files.createDirectories(dir);
        Json.write(dir.resolve(RunFiles.CONFIG), cfg);
        StringBuilder csv = new StringBuilder(EpochMetrics.CSV_HEADER + "\n");
        for (int e = 1; e <= epochs; e++) {
            csv.append(new EpochMetrics(e, 1, 0.5, 1, 0.1 * e, 0.01, 100, e, 0, Double.NaN, null).toCsv()).append('\n');
        }
        Files.writeString(dir.resolve(RunFiles.METRICS), csv);
        if (finished) {
            Json.write(dir.resolve(RunFiles.RESULT), TrainingViewModelTest.result("completed", null)
                    .testAccuracy() > 0 ? TrainingViewModelTest.result("completed", null) : null);
            Files.write(dir.resolve(RunFiles.PROGRAM_PNG), new byte[] {1, 2, 3});
        }
    }
}
