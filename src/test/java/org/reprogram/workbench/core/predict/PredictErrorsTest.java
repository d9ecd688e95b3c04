package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;

/**
 * Bad input: unreadable images fail one by one while the others are predicted; a folder that is
 * not a run, a run without a finished epoch and a baseline run get one clear error with the fix.
 */
class PredictErrorsTest {

    private static final Path BUNDLE = TestPaths.fixtures().resolve("bundle/pad-ilm.zip");

    @Test
    void unreadableImagesFailOneByOneAndTheOthersArePredicted(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("photos/3"));
        Path images = TestPaths.fixtures().resolve("bundle/images");
        Files.copy(images.resolve("digit0.png"), dir.resolve("a.png"));
        Files.writeString(dir.resolve("b.png"), "not an image");
        Files.copy(images.resolve("color_20x13.png"), dir.resolve("c.png"));
        Files.write(dir.resolve("d.jpg"), new byte[0]);
        Files.copy(images.resolve("digit3.png"), dir.resolve("e.png"));
        Files.writeString(dir.resolve("notes.txt"), "not an image, skipped in a folder");
        Files.createDirectories(tmp.resolve("empty"));
        try (Predictor p = Predictor.open(BUNDLE, null, "cpu")) {
            List<ImageInputs.Input> inputs = ImageInputs.expand(List.of(tmp.resolve("photos"), tmp.resolve("gone.png"),
                    tmp.resolve("empty")), p.targetClasses());
            List<Prediction> out = p.predict(inputs, 2, false);
            assertEquals(List.of("a.png", "b.png", "c.png", "d.jpg", "e.png", "gone.png", "empty"),
                    out.stream().map(x -> x.file().getFileName().toString()).toList());
            assertEquals(List.of(true, false, true, false, true, false, false), out.stream().map(Prediction::ok).toList());
            assertTrue(out.get(1).error().startsWith(dir.resolve("b.png") + ": is not a readable PNG/JPEG/BMP/GIF image"),
                    out.get(1).error());
            assertTrue(out.get(3).error().startsWith(dir.resolve("d.jpg").toString()), out.get(3).error());
            assertTrue(out.get(5).error().contains("gone.png: is missing"), out.get(5).error());
            assertTrue(out.get(6).error().contains("holds no PNG/JPEG/BMP/GIF images"), out.get(6).error());
            for (Prediction x : out) {
                assertTrue(x.ok() || x.error().contains("Fix: "), x.error());
                assertEquals(x.ok() ? 2 : 0, x.top().size());
            }
            assertEquals(3, out.get(0).trueClass(), "folder 3 names target class '3'");
            // the images that were read are predicted as on their own (to float rounding: libtorch's kernels
            // depend on the batch size, so the last bits differ between a batch of 3 and of 1)
            Prediction alone = p.predict(ImageInputs.expand(List.of(dir.resolve("c.png")), p.targetClasses()), 2,
                    false).get(0);
            assertEquals(alone.predicted(), out.get(2).predicted());
            assertEquals(alone.probability(), out.get(2).probability(), 1e-6);
        }
    }

    @Test
    void foldersThatCannotBePredictedFromAreRefusedWithTheFix(@TempDir Path tmp) throws Exception {
        Path notRun = Files.createDirectories(tmp.resolve("holiday-photos"));
        assertRefused(notRun, "is not a run folder (no config.json)");

        Path unfinished = Files.createDirectories(tmp.resolve("unfinished"));
        try (ZipFile z = new ZipFile(BUNDLE.toFile())) {
            Files.write(unfinished.resolve("config.json"), z.getInputStream(z.getEntry("config.json")).readAllBytes());
        }
        assertRefused(unfinished, "has no finished state", "resume the run");

        Path baseline = Files.createDirectories(tmp.resolve("baseline"));
        Files.writeString(baseline.resolve("config.json"), "{\"method\": \"linear-probe\", \"source\": \"builtin\","
                + " \"target\": \"sample-data/digits\", \"epochs\": 1, \"batchSize\": 64, \"lr\": 0.01, \"seed\": 0,"
                + " \"shots\": 0, \"valFraction\": 0.1, \"device\": \"cpu\"}");
        assertRefused(baseline, "is a linear-probe baseline run");
        assertFalse(Files.exists(baseline.resolve("checkpoint.bin")));
    }

    private static void assertRefused(Path dir, String... mustMention) {
        UserInputException e = assertThrows(UserInputException.class, () -> Predictor.open(dir, null, "cpu"));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
        for (String m : mustMention) {
            assertTrue(e.getMessage().contains(m), "'" + m + "' missing in: " + e.getMessage());
        }
        UserInputException export = assertThrows(UserInputException.class,
                () -> BundleExporter.export(dir, null, dir.resolveSibling(dir.getFileName() + ".zip"), false));
        assertEquals(e.getMessage(), export.getMessage(), "export refuses it the same way");
        assertFalse(Files.exists(dir.resolveSibling(dir.getFileName() + ".zip")), "no bundle written");
    }
}
