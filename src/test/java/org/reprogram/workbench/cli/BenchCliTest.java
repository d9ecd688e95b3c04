package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;

/** Smoke tests of {@code bench}: it runs and prints what it promises; the numbers themselves are not asserted. */
class BenchCliTest {

    private static JsonObject lastJson(CliTest.Outcome o) {
        List<String> lines = o.out().lines().filter(l -> l.startsWith("{")).toList();
        assertEquals(1, lines.size(), "exactly one JSON object: " + o.out());
        return Json.GSON.fromJson(lines.get(0), JsonObject.class);
    }

    @Test
    void syntheticBenchPrintsOneValidJsonObject() {
        CliTest.Outcome o = CliTest.cli("bench", "--json", "--steps", "2", "--repeats", "2", "--warmup", "1",
                "--batch-size", "16", "--threads", "1");
        assertEquals(0, o.code(), o.out() + o.err());
        JsonObject j = lastJson(o);
        assertTrue(j.get("imagesPerSecond").getAsDouble() > 0, o.out());
        assertTrue(j.get("stepMillisMedian").getAsDouble() > 0, o.out());
        assertTrue(j.get("peakRssMegabytes").getAsDouble() > 0, o.out());
        assertTrue(j.get("device").getAsString().startsWith("cpu"), o.out());
        assertEquals(1, j.get("threads").getAsInt());
        assertEquals("synthetic", j.get("input").getAsString());
        assertEquals(2, j.getAsJsonArray("repeatImagesPerSecond").size());
    }

    @Test
    void realLoaderStreamsFromDiskUnderATinyBudgetAndEvaluates() {
        CliTest.Outcome o = CliTest.cli("bench", "--json", "--target", TestPaths.digits().toString(), "--steps", "3",
                "--repeats", "1", "--warmup", "0", "--batch-size", "16", "--data-memory", "1k", "--eval-images", "20");
        assertEquals(0, o.code(), o.out() + o.err());
        JsonObject j = lastJson(o);
        assertEquals("loader", j.get("input").getAsString());
        assertTrue(j.get("dataStorage").getAsString().startsWith("streamed from disk"), o.out());
        assertTrue(j.get("evalImagesPerSecond").getAsDouble() > 0, o.out());
    }

    @Test
    void soakPrintsResidentMemoryPerEpoch() {
        CliTest.Outcome o = CliTest.cli("bench", "--soak", "3", "--batch-size", "128");
        assertEquals(0, o.code(), o.out() + o.err());
        for (int e = 1; e <= 3; e++) {
            assertTrue(o.out().contains("epoch " + e + "  RSS "), o.out());
        }
        assertTrue(o.out().contains("soak: RSS epoch 2 "), o.out());
    }

    @Test
    void badDataMemoryIsAClearError() {
        CliTest.Outcome o = CliTest.cli("bench", "--data-memory", "lots", "--steps", "1");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("error: --data-memory: 'lots' is not a size"), o.err());
    }
}
