package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;

/** Issue 20 from the command line: a run on the shipped vision-language model, and its bad inputs. */
class VisionLanguageCliTest {

    private static final String VLM = "builtin:fmnist-clip";
    private static final String CLOTHING = "t-shirt,trouser,pullover,dress,coat,sandal,shirt,sneaker,bag,ankle boot";

    private static void assertOneCleanError(CliTest.Outcome o, String... mustMention) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, lines.size(), o.err());
        for (String m : mustMention) {
            assertTrue(lines.get(0).contains(m), "'" + m + "' missing in: " + o.err());
        }
        assertFalse(o.err().contains("\tat "), o.err());
    }

    /** A copy of the shipped model's files in DIR, whose sidecar gets EDIT applied. */
    private static Path copyModel(Path dir, String from, String to) throws Exception {
        Path src = TestPaths.root().resolve("assets/models/fmnist-clip");
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path sidecar = dir.resolve("model.pt.json");
        String text = Files.readString(sidecar);
        assertTrue(text.contains(from), from);
        Files.writeString(sidecar, text.replace(from, to));
        return dir.resolve("model.pt");
    }

    @Test
    void aTextRunRecordsItsZeroShotFigure(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliTest.Outcome o = CliTest.cli("train", "--source", VLM, "--target", TestPaths.digits().toString(),
                "--mapping", "text", "--class-names", CLOTHING, "--epochs", "1", "--shots", "10", "--out",
                out.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        JsonObject result = JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject();
        double zeroShot = result.getAsJsonObject("zeroShot").get("testAccuracy").getAsDouble();
        assertTrue(zeroShot >= 0 && zeroShot <= 1, "zero-shot " + zeroShot);
        assertTrue(Files.readString(out.resolve("mapping.csv")).contains("This is a photo of a coat."),
                "the mapping names the prompts");
    }

    @Test
    void theLinearProbeReadsTheImageEmbeddings(@TempDir Path tmp) {
        CliTest.Outcome o = CliTest.cli("baseline", "--kind", "linear-probe", "--source", VLM, "--target",
                TestPaths.digits().toString(), "--epochs", "1", "--out", tmp.resolve("lp").toString());
        assertEquals(0, o.code(), o.out() + o.err());
    }

    @Test
    void aSidecarNamingAMethodTheModuleLacksIsOneError(@TempDir Path tmp) throws Exception {
        Path pt = copyModel(tmp.resolve("m"), "\"encode_text\"", "\"encode_words\"");
        CliTest.Outcome o = CliTest.cli("train", "--source", pt.toString(), "--target", TestPaths.digits().toString(),
                "--mapping", "text", "--epochs", "1", "--out", tmp.resolve("run").toString());
        assertOneCleanError(o, "model.pt.json", "no method \"encode_words\"", "textMethod", "Fix:");
        assertFalse(Files.exists(tmp.resolve("run/result.json")));
    }

    @Test
    void aTokenizerThatDoesNotParseIsOneError(@TempDir Path tmp) throws Exception {
        Path pt = copyModel(tmp.resolve("m"), "\"tokenizer.json\"", "\"tokenizer.json\"");
        Files.writeString(pt.resolveSibling("tokenizer.json"), "{\"model\": \"not a tokenizer\"");
        CliTest.Outcome o = CliTest.cli("train", "--source", pt.toString(), "--target", TestPaths.digits().toString(),
                "--mapping", "text", "--epochs", "1", "--out", tmp.resolve("run").toString());
        assertOneCleanError(o, "tokenizer.json", "not a readable Hugging Face tokenizer", "Fix:");
    }

    @Test
    void anEmptyClassNameOrATemplateWithoutSlotIsOneError(@TempDir Path tmp) {
        String digits = TestPaths.digits().toString();
        assertOneCleanError(CliTest.cli("train", "--source", VLM, "--target", digits, "--mapping", "text",
                "--class-names", "a,b,,d,e,f,g,h,i,j", "--out", tmp.resolve("a").toString()), "class 3", "empty");
        assertOneCleanError(CliTest.cli("train", "--source", VLM, "--target", digits, "--mapping", "text",
                "--template", "a photo", "--out", tmp.resolve("b").toString()), "--template", "{}");
        assertOneCleanError(CliTest.cli("train", "--source", VLM, "--target", digits, "--mapping", "ilm",
                "--out", tmp.resolve("c").toString()), "vision-language", "text-ilm");
        assertOneCleanError(CliTest.cli("train", "--target", digits, "--mapping", "text",
                "--out", tmp.resolve("d").toString()), "is a classifier", "fmnist-clip");
    }
}
