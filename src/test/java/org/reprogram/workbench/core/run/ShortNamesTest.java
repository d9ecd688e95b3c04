package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestSpecs;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/** Legend names: only the settings that differ plus the seed; the user's names kept; never ambiguous. */
class ShortNamesTest {

    private static final RunSpec PAD = RunSpec.defaults("digits")
            .with(Settings.PROGRAM, "pad").with(Settings.MAPPING, "linear")
            .withValue(ParameterRegistry.get("program.inner_size"), 10);

    private static RunRecord run(Path tmp, String name, RunSpec cfg) throws Exception {
        return RunStore.load(RecordedRuns.reprogram(tmp.resolve(name), cfg, 1, 0.5, true, false), false);
    }

    @Test
    void theSettingsThatDifferAndTheSeed(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp, "20260301-100000-pad-linear-digits", PAD.with(Settings.BATCH_SIZE, 64)
                .with(Settings.LR, 0.05).with(Settings.SEED, 0L));
        RunRecord b = run(tmp, "20260301-101000-pad-linear-digits", PAD.with(Settings.BATCH_SIZE, 64)
                .with(Settings.LR, 0.01).with(Settings.SEED, 1L));
        RunRecord c = run(tmp, "20260301-102000-pad-ilm-digits",
                TestSpecs.programAndMapping(PAD, "pad", 10, "ilm").with(Settings.BATCH_SIZE, 64)
                        .with(Settings.LR, 0.05).with(Settings.SEED, 1L));
        assertEquals(List.of("linear · lr 0.05 · seed 0", "linear · lr 0.01 · seed 1", "ilm · lr 0.05 · seed 1"),
                ShortNames.of(List.of(a, b, c)));
        assertEquals(List.of("lr 0.05 · seed 0", "lr 0.01 · seed 1"), ShortNames.of(List.of(a, b)));
        assertEquals(List.of("lr 0.05", "lr 0.01"), ShortNames.of(List.of(a, b), false), "groups: no seed");
        assertEquals(List.of(a.name()), ShortNames.of(List.of(a)), "one run: its own name");
    }

    @Test
    void pathsShowTheirLastPartAndBaselinesTheirMethod(@TempDir Path tmp) throws Exception {
        RunRecord fashion = run(tmp, "f", PAD.with(Settings.TARGET, "/data/sets/fashion/"));
        RunRecord digits = run(tmp, "d", PAD.with(Settings.TARGET, "/data/sets/digits"));
        assertEquals(List.of("target fashion · seed 0", "target digits · seed 0"),
                ShortNames.of(List.of(fashion, digits)));
        RunRecord probe = RunStore.load(RecordedRuns.baseline(tmp.resolve("p"),
                RunSpec.baseline(Method.LINEAR_PROBE, "digits"), 1, 0.5), false);
        List<String> names = ShortNames.of(List.of(digits, probe));
        assertEquals("pad · linear", names.get(0).substring(0, names.get(0).indexOf(" · ", 6)), names.toString());
        assertTrue(names.get(1).startsWith("linear-probe · "), names.toString());
        assertFalse(names.get(0).contains("digits"), "both targets end in 'digits': saying it tells nothing apart");
        assertFalse(names.get(0).contains("frame"), "a setting only one method has is not a difference to name");
    }

    @Test
    void theUsersNameIsKeptAndEqualNamesFallBackToTheFolder(@TempDir Path tmp) throws Exception {
        RunRecord a = run(tmp, "a", PAD);
        RunRecord twin = run(tmp, "twin", PAD);
        RunRecord other = run(tmp, "other", PAD.with(Settings.BATCH_SIZE, 64).with(Settings.LR, 0.5)
                .with(Settings.SEED, 0L));
        RunNotes.write(other.dir(), new RunNotes("my best", ""));
        RunRecord named = RunStore.load(other.dir(), false);
        assertEquals(List.of("a", "twin", "my best"), ShortNames.of(List.of(a, twin, named)),
                "a and twin differ in nothing: their folder names tell them apart");
        RunRecord junk = RunRecord.unreadable(tmp.resolve("junk"), "broken");
        assertEquals(List.of("seed 0", "junk"), ShortNames.of(List.of(a, junk)), "an unreadable folder: its name");
    }
}
