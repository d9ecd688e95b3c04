package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;

/** compare names a folder that is not a readable run instead of failing with a NullPointerException. */
class CompareUnreadableCliTest {

    @Test
    void aForeignRunFolderIsAClearErrorNamingTheFolder(@TempDir Path tmp) throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("someone-elses"));
        Files.writeString(foreign.resolve(RunFiles.CONFIG), "{\"mine\":1}");
        CliTest.Outcome alone = CliTest.cli("compare", foreign.toString());
        assertEquals(2, alone.code(), alone.out() + alone.err());
        List<String> err = alone.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, err.size(), alone.err());
        assertTrue(err.get(0).startsWith("error: " + foreign + ": config.json: is not a run config")
                && err.get(0).contains("Fix:"), err.get(0));
        assertFalse(alone.err().contains("NullPointerException"), alone.err());

        Path good = Files.createDirectories(tmp.resolve("good"));
        Json.write(good.resolve(RunFiles.CONFIG), RunSpecJson.toJson(RunSpec.defaults("digits")));
        CliTest.Outcome both = CliTest.cli("compare", good.toString(), foreign.toString());
        assertEquals(0, both.code(), both.out() + both.err());
        List<String> out = both.out().lines().toList();
        assertTrue(out.get(1).startsWith("good") && out.get(1).contains("incomplete"), both.out());
        assertTrue(out.get(2).startsWith("someone-elses") && out.get(2).contains("unreadable:"), both.out());
        assertTrue(both.err().startsWith("warning: skipped " + foreign + ": config.json: is not a run config"),
                both.err());
    }
}
