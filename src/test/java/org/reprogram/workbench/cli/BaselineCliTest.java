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
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.run.ComparisonTable;

/** The baseline and compare commands. */
class BaselineCliTest {

    private static JsonObject result(Path run) throws Exception {
        return Json.GSON.fromJson(Files.readString(run.resolve("result.json")), JsonObject.class);
    }

    private static List<String> oneErrorLine(CliTest.Outcome o) {
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one error line: " + o.err());
        assertTrue(lines.get(0).startsWith("error: "), o.err());
        return lines;
    }

    @Test
    void baselineAndTrainRunsAreComparedInOneTableAndCsv(@TempDir Path tmp) throws Exception {
        Path train = tmp.resolve("pad-run");
        Path probe = tmp.resolve("probe-run");
        String digits = TestPaths.digits().toString();
        CliTest.Outcome t = CliTest.cli("train", "--target", digits, "--epochs", "1", "--shots", "10", "--device", "cpu",
                "--out", train.toString());
        assertEquals(0, t.code(), t.out() + t.err());
        CliTest.Outcome b = CliTest.cli("baseline", "--kind", "linear-probe", "--target", digits, "--epochs", "1",
                "--shots", "10", "--device", "cpu", "--out", probe.toString());
        assertEquals(0, b.code(), b.out() + b.err());
        assertTrue(b.out().contains("epoch   1/1") && b.out().contains("trainable parameters 1,290"), b.out());
        assertTrue(b.out().contains("stopped at the cap of 1 iterations (--epochs) before converging")
                && b.out().contains("final training loss"), b.out());
        assertTrue(Files.exists(probe.resolve("config.json")) && Files.exists(probe.resolve("metrics.csv")));

        Path junk = Files.createDirectories(tmp.resolve("not-a-run"));
        Path csv = tmp.resolve("table.csv");
        CliTest.Outcome c = CliTest.cli("compare", train.toString(), probe.toString(), junk.toString(), "--csv",
                csv.toString());
        assertEquals(0, c.code(), c.out() + c.err());
        List<String> out = c.out().lines().toList();
        assertTrue(out.get(0).startsWith("run") && out.get(0).contains("test accuracy at best val"), c.out());
        assertTrue(out.get(1).startsWith("pad-run") && out.get(1).contains("reprogram"), c.out());
        assertTrue(out.get(2).startsWith("probe-run") && out.get(2).contains("linear-probe"), c.out());
        assertTrue(out.get(3).startsWith("not-a-run") && out.get(3).contains("unreadable"), c.out());
        assertEquals(out.get(0).indexOf("method"), out.get(2).indexOf("linear-probe"), "aligned columns:\n" + c.out());

        List<String> rows = Files.readAllLines(csv);
        assertEquals(String.join(",", ComparisonTable.HEADER), rows.get(0));
        assertEquals(4, rows.size(), "header + 3 folders");
        checkRow(rows.get(1), train, "reprogram", "pad", "whitebox");
        checkRow(rows.get(2), probe, "linear-probe", "-", "baseline");
        assertTrue(rows.get(3).startsWith("not-a-run,unreadable: no config.json"), rows.get(3));
    }

    private static void checkRow(String line, Path run, String method, String program, String trainer) throws Exception {
        String[] f = line.split(",", -1);
        JsonObject r = result(run);
        assertEquals(run.getFileName().toString(), f[0]);
        assertEquals("completed", f[1]);
        assertEquals(method, f[2]);
        assertEquals(program, f[3]);
        assertEquals(trainer, f[6]);
        assertEquals(r.get("testAccuracy").getAsDouble(), Double.parseDouble(f[7]), 0.0);
        assertEquals(r.get("testAccuracyAtBestVal").getAsDouble(), Double.parseDouble(f[8]), 0.0);
        assertEquals(r.get("bestEpoch").getAsInt(), Integer.parseInt(f[9]));
        assertEquals(r.get("trainableParameters").getAsLong(), Long.parseLong(f[10]));
        assertEquals(r.get("wallSeconds").getAsDouble(), Double.parseDouble(f[11]), 0.0);
        assertEquals(r.get("peakRssMegabytes").getAsDouble(), Double.parseDouble(f[12]), 0.0);
        assertEquals(r.get("trainingQueries").getAsLong(), Long.parseLong(f[13]));
        assertEquals(r.get("mappingQueries").getAsLong(), Long.parseLong(f[14]));
        assertEquals(r.get("evaluationQueries").getAsLong(), Long.parseLong(f[15]));
    }

    @Test
    void linearProbeOnATorchScriptModelWithoutFeaturesMethodIsOneClearError(@TempDir Path tmp) {
        Path pt = TestPaths.fixtures().resolve("torchscript").resolve("tiny_cnn.pt");
        Path out = tmp.resolve("run");
        CliTest.Outcome o = CliTest.cli("baseline", "--kind", "linear-probe", "--source", pt.toString(), "--target",
                TestPaths.digits().toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        String line = oneErrorLine(o).get(0);
        assertTrue(line.contains("tiny_cnn.pt.json") && line.contains("\"featuresMethod\"") && line.contains("Fix:"),
                line);
        assertFalse(Files.exists(out.resolve("config.json")), "no run folder on bad input");
    }

    @Test
    void finetuneOnATorchScriptModelWithoutFeaturesMethodAnnouncesTheMappingOnTheLogits(@TempDir Path tmp) {
        Path pt = TestPaths.fixtures().resolve("torchscript").resolve("tiny_cnn.pt");
        CliTest.Outcome o = CliTest.cli("baseline", "--kind", "finetune", "--source", pt.toString(), "--target",
                TestPaths.digits().toString(), "--epochs", "1", "--shots", "5", "--device", "cpu", "--out",
                tmp.resolve("run").toString());
        assertEquals(0, o.code(), o.out() + o.err());
        String first = o.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith("baseline finetune: all weights trainable plus a learned linear mapping on the"
                + " model's 5 logits"), first); // tiny_cnn has 5 classes
        assertFalse(o.out().contains("penultimate features ("), "never announces a head it does not build: " + o.out());
    }

    @Test
    void badBaselineOptionsAndUnreadableFoldersAreUsageErrors(@TempDir Path tmp) throws Exception {
        CliTest.Outcome kind = CliTest.cli("baseline", "--kind", "probe", "--target", TestPaths.digits().toString());
        assertEquals(2, kind.code());
        assertTrue(oneErrorLine(kind).get(0).contains("linear-probe, finetune, scratch"), kind.err());
        CliTest.Outcome epochs = CliTest.cli("baseline", "--kind", "finetune", "--epochs", "0", "--target",
                TestPaths.digits().toString(), "--out", tmp.resolve("r").toString());
        assertEquals(2, epochs.code());
        assertTrue(oneErrorLine(epochs).get(0).contains("--epochs"), epochs.err());
        Files.writeString(tmp.resolve("config.json"), "{}");
        CliTest.Outcome fresh = CliTest.cli("baseline", "--kind", "scratch", "--target", TestPaths.digits().toString(),
                "--out", tmp.toString());
        assertEquals(2, fresh.code());
        assertTrue(oneErrorLine(fresh).get(0).contains("already holds a saved run"), fresh.err());

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("config.json"), "{not json");
        CliTest.Outcome none = CliTest.cli("compare", broken.toString(), tmp.resolve("missing").toString());
        assertEquals(2, none.code(), none.out() + none.err());
        assertTrue(none.out().contains("unreadable:") && none.out().contains("no such folder"), none.out());
        assertTrue(oneErrorLine(none).get(0).contains("none of the 2 folders"), none.err());
    }
}
