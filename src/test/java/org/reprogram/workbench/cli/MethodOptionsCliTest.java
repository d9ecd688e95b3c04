package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.DatasetFixtures;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunConfigFile;
import org.reprogram.workbench.core.spec.RunSpec;

/** The method options of train: new programs, mappings, frame, loss, and their bad-input errors. */
class MethodOptionsCliTest {

    private static void assertCleanError(CliTest.Outcome o, String... mustMention) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("error: "), o.err());
        for (String m : mustMention) {
            assertTrue(lines.get(0).contains(m), "'" + m + "' missing in: " + o.err());
        }
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void blmPlusWithMoreTopKThanSourceClassesIsRefusedBeforeTraining(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 40, 2, 8, false); // k = floor(0.15 * 40) = 6 > 5 classes
        Path model = TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt");
        Path out = tmp.resolve("run");
        CliTest.Outcome o = CliTest.cli("train", "--source", model.toString(), "--target", data.toString(), "--mapping",
                "blm+", "--epochs", "1", "--out", out.toString());
        assertCleanError(o, "blm+", "k = 6", "Fix");
        assertFalse(Files.exists(out.resolve("result.json")), "nothing trained");
    }

    @Test
    void unknownFrameAndLossValuesNameTheOption(@TempDir Path tmp) {
        String digits = TestPaths.digits().toString();
        assertCleanError(CliTest.cli("train", "--target", digits, "--frame", "relu", "--out", tmp.resolve("a").toString()),
                "sigmoid or tanh");
        assertCleanError(CliTest.cli("train", "--target", digits, "--loss", "hinge", "--out", tmp.resolve("b").toString()),
                "--loss");
        assertCleanError(CliTest.cli("train", "--target", digits, "--program", "scale", "--init-scale", "9", "--out",
                tmp.resolve("c").toString()), "--init-scale");
    }

    @Test
    void smmWithBlmPlusAndFocalLossWritesItsRun(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliTest.Outcome o = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--program", "smm",
                "--mapping", "blm+", "--loss", "focal", "--epochs", "1", "--shots", "10", "--out", run.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        JsonObject r = Json.GSON.fromJson(Files.readString(run.resolve("result.json")), JsonObject.class);
        assertEquals("smm", r.get("program").getAsString());
        assertEquals("blm+", r.get("mapping").getAsString());
        assertTrue(r.has("testAccuracyAtBestVal") && r.has("mappingQueries"), r.toString());
        RunSpec c = RunConfigFile.read(run.resolve("config.json")).spec();
        assertEquals("focal", c.optimization().loss().id());
    }
}
