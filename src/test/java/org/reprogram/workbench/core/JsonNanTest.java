package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingResult;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/** result.json and history.jsonl are strict JSON: NaN is written as null and read back as NaN. */
class JsonNanTest {

    private static final Pattern NON_JSON = Pattern.compile("\\b(NaN|-?Infinity)\\b");

    /** Parses TEXT with a strict parser (rejects NaN, Infinity and other lenient syntax). */
    static JsonElement strict(String text) throws Exception {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        JsonElement e = JsonParser.parseReader(r);
        assertFalse(NON_JSON.matcher(text).find(), text);
        return e;
    }

    /** A finished run without validation data (--val-fraction 0): best validation values are NaN. */
    static TrainingResult noValidation() {
        return TrainingResult.builder().status(RunStatus.COMPLETED).testAccuracy(0.8)
                .testLoss(Double.POSITIVE_INFINITY).parameters(3, 4).wallSeconds(1.5).epochs(2).program("pad")
                .mapping("ilm").trainer("whitebox").source("builtin").target("digits").device("cpu()")
                .imagesPerSecond(1000).peakRssMegabytes(300).build();
    }

    @Test
    void resultWithNaNIsStrictJsonAndRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.json");
        Json.write(file, noValidation());
        String text = Files.readString(file);
        JsonElement tree = strict(text);
        assertTrue(tree.getAsJsonObject().get("bestValAccuracy").isJsonNull(), text);
        assertTrue(tree.getAsJsonObject().get("testAccuracyAtBestVal").isJsonNull(), text);
        TrainingResult back = Json.read(file, TrainingResult.class, null);
        assertTrue(Double.isNaN(back.bestValAccuracy()), "null reads back as NaN, not 0");
        assertTrue(Double.isNaN(back.testAccuracyAtBestVal()));
        assertTrue(Double.isNaN(back.testLoss()), "infinities are not JSON either: null, read as NaN");
        assertEquals(0.8, back.testAccuracy());
        assertNull(back.message(), "other null fields are still left out");
        assertFalse(tree.getAsJsonObject().has("message"), text);
    }

    @Test
    void runsWrittenWithTheNaNLiteralStillLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "{\"status\": \"completed\", \"testAccuracy\": 0.5, \"bestValAccuracy\": NaN,"
                + " \"testAccuracyAtBestVal\": NaN, \"testLoss\": Infinity}");
        TrainingResult old = Json.read(file, TrainingResult.class, null);
        assertTrue(Double.isNaN(old.bestValAccuracy()));
        assertTrue(Double.isInfinite(old.testLoss()));
        assertEquals(0.5, old.testAccuracy());
        EpochMetrics m = Json.COMPACT.fromJson("{\"epoch\":1,\"valLoss\":NaN,\"valAccuracy\":NaN}", EpochMetrics.class);
        assertTrue(Double.isNaN(m.valAccuracy()));
    }

    @Test
    void historyLinesWithNaNAreStrictJsonAndRoundTrip() throws Exception {
        EpochMetrics m = new EpochMetrics(1, 0.5, 0.6, Double.NaN, Double.NaN, 0.01, 100, 1, 0, Double.NaN, null);
        TrainingSnapshot s = new TrainingSnapshot(1, 10, true, 1, 1, 2, new float[] {0.5f, Float.NaN}, true,
                Double.NaN, new float[][] {{Float.NaN, 1f}}, null, List.of(), null, m, null);
        String line = Json.COMPACT.toJson(s);
        assertFalse(line.contains("\n"), "one line");
        strict(line);
        TrainingSnapshot back = Json.COMPACT.fromJson(line, TrainingSnapshot.class);
        assertTrue(Double.isNaN(back.inputScale()));
        assertTrue(Double.isNaN(back.metrics().valAccuracy()));
        assertTrue(Double.isNaN(back.metrics().inputScale()));
        assertEquals(0.5, back.metrics().trainLoss());
        assertEquals(0.5f, back.perturbation()[0]);
        assertTrue(Float.isNaN(back.perturbation()[1]), "NaN inside float arrays too");
        assertTrue(Float.isNaN(back.mappingWeights()[0][0]));
        assertEquals(1f, back.mappingWeights()[0][1]);
    }

    @Test
    void boxedNumbersStayNullAndNaNInListsIsNull() throws Exception {
        ModelCard card = new ModelCard("m", new int[] {1, 4, 4}, List.of("a", "b"), new float[] {0.5f},
                new float[] {Float.NaN}, "d", null, null);
        String text = Json.toJson(card);
        strict(text);
        ModelCard back = Json.GSON.fromJson(text, ModelCard.class);
        assertNull(back.testAccuracy(), "an unknown accuracy stays null (not NaN)");
        assertTrue(Float.isNaN(back.std()[0]));
        String list = Json.toJson(List.of(1.0, Double.NaN));
        strict(list);
        assertEquals("[1.0,null]", list.replaceAll("\\s", ""));
    }
}
