package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.RecordedRuns;
import org.reprogram.workbench.core.run.RunNotes;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/** compare tells runs with the same folder pattern apart: the user's names and the settings that differ. */
class CompareNamesCliTest {

    @Test
    void namesAndDifferingSettingsAreColumnsAndTheSharedOnesALine(@TempDir Path tmp) throws Exception {
        RunSpec pad = RunSpec.defaults("digits").with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
                .withValue(ParameterRegistry.get("program.inner_size"), 10);
        Path a = RecordedRuns.reprogram(tmp.resolve("20260301-101000-pad-linear-digits"),
                pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.05).with(Settings.SEED, 0L), 2, 0.8, true, false);
        Path b = RecordedRuns.reprogram(tmp.resolve("20260301-102000-pad-linear-digits"),
                pad.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.01).with(Settings.SEED, 1L), 2, 0.7, true, false);
        RunNotes.write(a, new RunNotes("fast lr", "the demo's lr"));

        CliTest.Outcome o = CliTest.cli("compare", a.toString(), b.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        List<String> out = o.out().lines().toList();
        String header = out.get(0);
        assertTrue(header.startsWith("run ") && header.contains("  name  ") && header.contains("  lr  ")
                && header.contains("  seed  "), header);
        assertFalse(header.contains("program") || header.contains("batch"),
                "shared settings are no columns: " + header);
        assertTrue(out.get(1).contains("  fast lr  ") && out.get(1).contains("  0.05  "), out.get(1));
        assertTrue(out.get(2).contains("  -  ") && out.get(2).contains("  0.01  "), "no name: '-'\n" + o.out());
        assertEquals(header.indexOf("lr"), out.get(2).indexOf("0.01"), "aligned:\n" + o.out());
        assertTrue(out.get(3).startsWith("same in all runs: source builtin, target digits, program pad, inner size 10"),
                out.get(3));
        assertTrue(out.get(3).contains("batch 64"), out.get(3));

        CliTest.Outcome one = CliTest.cli("compare", b.toString());
        assertEquals(0, one.code());
        assertTrue(one.out().lines().anyMatch(l -> l.startsWith("settings: ") && l.contains("lr 0.01")), one.out());
    }
}
