package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.DatasetFixtures;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.run.RunConfigFile;

/**
 * Issue 17, item 13: train and baseline refuse a folder with an unreadable image with one error
 * that names it and --skip-bad-images; with the option they run without it and list it in their
 * output (note:), in info.json's notices, in result.json ("skippedImages") and in config.json.
 */
class SkipBadImagesCliTest {

    @Test
    void trainAndBaselineRefuseOrSkipAndListTheBadImage(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 6, 8, false);
        Files.writeString(data.resolve("classa/broken.png"), "not an image");
        String skipped = "classa/broken.png (is not a readable PNG/JPEG/BMP/GIF image)";

        CliTest.Outcome refused = CliTest.cli("train", "--target", data.toString(), "--epochs", "1", "--out",
                tmp.resolve("refused").toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().startsWith("error: " + data.resolve("classa/broken.png")), refused.err());
        assertTrue(refused.err().contains("--skip-bad-images"), refused.err());
        assertFalse(refused.err().contains("\tat "), refused.err());

        Path run = tmp.resolve("run");
        CliTest.Outcome o = CliTest.cli("train", "--target", data.toString(), "--epochs", "1", "--skip-bad-images",
                "--out", run.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("note: skipped 1 unreadable image of target 'data' (--skip-bad-images): "
                + skipped), o.out());
        JsonObject result = Json.GSON.fromJson(Files.readString(run.resolve("result.json")), JsonObject.class);
        assertEquals(skipped, result.getAsJsonArray("skippedImages").get(0).getAsString());
        assertEquals(1, result.getAsJsonArray("skippedImages").size());
        assertTrue(Files.readString(run.resolve("info.json")).contains("skipped 1 unreadable image"));
        assertTrue(RunConfigFile.read(run.resolve("config.json")).spec().data().skipBadImages());

        Path baseline = tmp.resolve("baseline");
        CliTest.Outcome b = CliTest.cli("baseline", "--kind", "linear-probe", "--target", data.toString(), "--epochs",
                "1", "--skip-bad-images", "--out", baseline.toString());
        assertEquals(0, b.code(), b.out() + b.err());
        JsonObject bResult = Json.GSON.fromJson(Files.readString(baseline.resolve("result.json")), JsonObject.class);
        assertEquals(skipped, bResult.getAsJsonArray("skippedImages").get(0).getAsString());

        Path clean = tmp.resolve("clean");
        Files.delete(data.resolve("classa/broken.png"));
        assertEquals(0, CliTest.cli("train", "--target", data.toString(), "--epochs", "1", "--out", clean.toString())
                .code());
        assertFalse(Files.readString(clean.resolve("result.json")).contains("skippedImages"),
                "result.json is unchanged when nothing was skipped");
    }
}
