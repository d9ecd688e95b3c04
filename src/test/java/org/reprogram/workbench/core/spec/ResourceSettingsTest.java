package org.reprogram.workbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.param.ProblemException;

/** Threads and data memory are settings of the run: declared once, read as sizes, kept in config.json. */
class ResourceSettingsTest {

    @Test
    void dataMemoryReadsAutoAndSizesAndWritesThemBack() {
        RunSpec s = RunSpec.defaults("x");
        assertEquals(0L, s.resources().dataMemoryBytes(), "default auto");
        assertEquals("auto", Settings.DATA_MEMORY.format(s));
        assertEquals(512L << 20, Settings.DATA_MEMORY.withText(s, "512M").resources().dataMemoryBytes());
        assertEquals(2L << 30, Settings.DATA_MEMORY.withText(s, "2G").resources().dataMemoryBytes());
        assertEquals(64L << 10, Settings.DATA_MEMORY.withText(s, "64kb").resources().dataMemoryBytes());
        assertEquals(1500000L, Settings.DATA_MEMORY.withText(s, "1500000").resources().dataMemoryBytes());
        assertEquals(0L, Settings.DATA_MEMORY.withText(s.with(Settings.DATA_MEMORY, 5L), "auto").resources()
                .dataMemoryBytes());
        for (String text : new String[] {"512M", "2G", "64K", "1500000", "auto"}) {
            assertEquals(text, Settings.DATA_MEMORY.format(Settings.DATA_MEMORY.withText(s, text)));
        }
        ProblemException e = assertThrows(ProblemException.class, () -> Settings.DATA_MEMORY.withText(s, "lots"));
        assertEquals("--data-memory: 'lots' is not a size. Fix: write e.g. 512M, 2G or auto",
                ParameterRegistry.inWords(e.problems().get(0)));
        assertEquals(Settings.DATA_MEMORY, ParameterRegistry.byOption("--data-memory"));
        assertEquals(Settings.THREADS, ParameterRegistry.byOption("--threads"));
    }

    @Test
    void configJsonKeepsTheResourcesAndOlderFilesReadTheDefaults() {
        RunSpec s = RunSpec.defaults("x").with(Settings.THREADS, 1).with(Settings.DATA_MEMORY, 256L << 20);
        JsonObject o = RunSpecJson.toJson(s);
        assertEquals(1, o.get("resources.threads").getAsInt());
        assertEquals(256L << 20, o.get("resources.data_memory").getAsLong());
        assertEquals(s, RunSpecJson.fromJson(o, Path.of("config.json")));
        o.remove("resources.threads");
        o.remove("resources.data_memory");
        RunSpec older = RunSpecJson.fromJson(o, Path.of("config.json"));
        assertEquals(new ResourceSpec("auto", 0, 0), older.resources(), "a run from before: the machine's defaults");
        assertTrue(s.problems().isEmpty(), s.problems().toString());
    }
}
