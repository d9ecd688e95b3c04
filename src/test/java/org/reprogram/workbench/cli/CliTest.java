package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.DatasetFixtures;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.RunConfigFile;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;

class CliTest {

    /** Exit code, stdout and stderr of one in-process CLI call. */
    record Outcome(int code, String out, String err) {}

    static synchronized Outcome cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Cli.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void assertCleanError(Outcome o, String mustMention) {
        assertEquals(2, o.code(), o.err());
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.get(0).startsWith("error: "), o.err());
        assertTrue(lines.get(0).contains(mustMention), o.err());
        assertFalse(o.err().contains("\tat "), "no stack trace without --verbose: " + o.err());
    }

    @Test
    void trainWritesTheWholeRunFolder(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        Outcome o = cli("train", "--target", TestPaths.digits().toString(), "--program", "pad", "--mapping", "flm",
                "--epochs", "2", "--batch-size", "64", "--lr", "0.05", "--seed", "1", "--shots", "20", "--out", run.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("epoch   1/2") && o.out().contains("img/s") && o.out().contains("ETA"), o.out());
        JsonObject r = Json.GSON.fromJson(Files.readString(run.resolve("result.json")), JsonObject.class);
        double acc = r.get("testAccuracy").getAsDouble();
        assertTrue(acc >= 0 && acc <= 1);
        assertEquals(2, r.get("epochs").getAsInt());
        assertEquals(1, r.get("seed").getAsLong());
        assertEquals("pad", r.get("program").getAsString());
        assertEquals("flm", r.get("mapping").getAsString());
        assertEquals(768, r.get("trainableParameters").getAsLong());
        assertTrue(r.get("sourceParameters").getAsLong() > 100_000);
        assertTrue(r.get("wallSeconds").getAsDouble() > 0);
        assertTrue(r.get("source").getAsString().startsWith("builtin:"));
        assertTrue(r.get("target").getAsString().endsWith("digits"));
        assertEquals(3, Files.readAllLines(run.resolve("metrics.csv")).size(), "header + 2 epochs");
        assertEquals(11, Files.readAllLines(run.resolve("mapping.csv")).size(), "header + 10 target classes");
        byte[] png = Files.readAllBytes(run.resolve("program.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        RunSpec again = RunConfigFile.read(run.resolve("config.json")).spec();
        assertEquals(20, again.data().shots());
        assertEquals(2, RunStore.load(run, true).history().size() - 1, "epoch 0 + 2 epoch ends");
    }

    @Test
    void refusesToOverwriteASavedRun(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("config.json"), "{}");
        assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--out", tmp.toString()),
                "already holds a saved run");
        assertEquals("{}", Files.readString(tmp.resolve("config.json")));
    }

    @Test
    void missingTargetFolder(@TempDir Path tmp) {
        assertCleanError(cli("train", "--target", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("r").toString()),
                "nowhere");
    }

    @Test
    void unreadableImage(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 3, 8, false);
        Files.writeString(data.resolve("classb/oops.jpg"), "garbage");
        assertCleanError(cli("train", "--target", data.toString(), "--out", tmp.resolve("r").toString()), "oops.jpg");
    }

    @Test
    void wrongModelFileAndWrongSidecar(@TempDir Path tmp) {
        Path ts = TestPaths.fixtures().resolve("torchscript");
        assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--source",
                ts.resolve("not_a_model.pt").toString(), "--out", tmp.resolve("a").toString()), "not_a_model.pt");
        assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--source",
                ts.resolve("bad_shape.pt").toString(), "--out", tmp.resolve("b").toString()), "bad_shape.pt.json");
        assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--source",
                tmp.resolve("missing.pt").toString(), "--out", tmp.resolve("c").toString()), "missing.pt");
        assertFalse(Files.exists(tmp.resolve("a").resolve("result.json")));
    }

    @Test
    void badOptionValuesAreUsageErrors(@TempDir Path tmp) {
        assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--mapping", "magic"), "magic");
        assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--epochs", "0",
                "--out", tmp.resolve("r").toString()), "epochs");
        if (org.reprogram.workbench.core.train.DeviceSelector.gpuCount() == 0) {
            assertCleanError(cli("train", "--target", TestPaths.digits().toString(), "--device", "gpu",
                    "--out", tmp.resolve("g").toString()), "GPU");
        }
    }

    @Test
    void modelsListsTheBuiltinModel() {
        Outcome o = cli("models");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("builtin:fmnist-cnn") && o.out().contains("Ankle boot"), o.out());
    }
}
