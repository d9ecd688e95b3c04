package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.train.TrainConfig;

class RunsViewModelTest {

    @Test
    void listsRunsAndFiltersByAllWords(@TempDir Path runs) throws Exception {
        write(runs.resolve("20260101-000000-pad-ilm-digits"), TrainConfig.defaults("digits"));
        write(runs.resolve("20260102-000000-full-linear-digits"),
                TrainConfig.defaults("digits").withProgramAndMapping(ProgramKind.FULL, 0, MappingKind.LINEAR));
        Files.createDirectories(runs.resolve("not-a-run"));
        RunsViewModel vm = new RunsViewModel(runs, Runnable::run, Runnable::run);
        assertEquals(2, vm.runs().size());
        assertEquals("20260102-000000-full-linear-digits", vm.runs().get(0).name(), "newest first");
        vm.filter.set("full linear");
        assertEquals(1, vm.runs().size());
        vm.filter.set("pad incomplete");
        assertEquals(1, vm.runs().size(), "a run without result.json is 'incomplete'");
        vm.filter.set("completed");
        assertEquals(0, vm.runs().size());
        vm.filter.set("");
        assertEquals(2, vm.runs().size());
    }

    private static void write(Path dir, TrainConfig cfg) throws Exception {
        Files.createDirectories(dir);
        Json.write(dir.resolve(RunFiles.CONFIG), cfg);
    }
}
