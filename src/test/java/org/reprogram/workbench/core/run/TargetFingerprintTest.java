package org.reprogram.workbench.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target fingerprint sees what the loaders read (images per class folder), and only that. */
class TargetFingerprintTest {

    private static Path data(Path tmp) throws Exception {
        for (String c : List.of("train/cat", "train/dog", "test/cat", "test/dog")) {
            Path d = Files.createDirectories(tmp.resolve("data").resolve(c));
            for (int i = 0; i < 3; i++) {
                Files.writeString(d.resolve(i + ".png"), "png" + i);
            }
        }
        return tmp.resolve("data");
    }

    @Test
    void namesWhatChangedAndIgnoresWhatNoLoaderReads(@TempDir Path tmp) throws Exception {
        Path data = data(tmp);
        TargetFingerprint then = TargetFingerprint.of(data);
        assertEquals(List.of("test/cat", "test/dog", "train/cat", "train/dog"), List.copyOf(then.folders().keySet()));
        Files.writeString(data.resolve("train/cat/.DS_Store"), "hidden");
        Files.writeString(data.resolve("train/cat/README.txt"), "not an image");
        Files.writeString(data.resolve("LICENSE"), "top-level text, not IDX");
        assertEquals(List.of(), then.changesTo(TargetFingerprint.of(data)));

        Files.move(data.resolve("train/dog/0.png"), data.resolve("train/dog/9.png"));
        assertEquals(List.of("'train/dog' has images renamed, replaced or changed in size"),
                then.changesTo(TargetFingerprint.of(data)));
        Files.move(data.resolve("train/dog/9.png"), data.resolve("train/dog/0.png"));

        Files.delete(data.resolve("test/cat/1.png"));
        Files.createDirectories(data.resolve("train/bird"));
        Files.writeString(data.resolve("train/bird/0.png"), "png");
        List<String> changes = then.changesTo(TargetFingerprint.of(data));
        assertEquals(List.of("'test/cat' has 2 images, had 3", "'train/bird' is new"), changes);
    }

    @Test
    void imagesTheLoaderDoesNotReadDoNotCount(@TempDir Path tmp) throws Exception {
        // the loader reads CLASS/*.png (flat) or train|test/CLASS/*.png (split), nothing deeper or looser
        Path flat = Files.createDirectories(tmp.resolve("flat"));
        for (String c : List.of("cat", "dog")) {
            Path d = Files.createDirectories(flat.resolve(c));
            for (int i = 0; i < 3; i++) {
                Files.writeString(d.resolve(i + ".png"), "png" + i);
            }
        }
        TargetFingerprint then = TargetFingerprint.of(flat);
        assertEquals(List.of("cat", "dog"), List.copyOf(then.folders().keySet()));
        Files.createDirectories(flat.resolve("cat/originals"));
        Files.writeString(flat.resolve("cat/originals/0.png"), "a subfolder the loader does not read");
        assertEquals(List.of(), then.changesTo(TargetFingerprint.of(flat)));

        Path split = data(tmp);
        TargetFingerprint before = TargetFingerprint.of(split);
        Files.writeString(split.resolve("train/loose.png"), "not in a class folder: not read");
        Files.createDirectories(split.resolve("train/cat/crops"));
        Files.writeString(split.resolve("train/cat/crops/0.png"), "too deep: not read");
        assertEquals(List.of(), before.changesTo(TargetFingerprint.of(split)));
    }

    @Test
    void aTargetThatIsNotAFolderGetsNoFingerprintAndAMissingOnePassesTheCheck(@TempDir Path tmp) throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        TargetFingerprint.write(run, tmp.resolve("missing"));
        assertFalse(Files.exists(run.resolve(TargetFingerprint.FILE)));
        TargetFingerprint.check(run, tmp.resolve("missing")); // no fingerprint: passes
        Path data = data(tmp);
        TargetFingerprint.write(run, data);
        assertTrue(Files.exists(run.resolve(TargetFingerprint.FILE)));
        TargetFingerprint.check(run, data);
    }
}
