package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.FaultPoints;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.VisionLanguageSpecs;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunStore;

/**
 * A run on the shipped vision-language model killed while saving its prompts leaves no half-written
 * prompts.json (an incomplete run, nothing to predict from); killed after its last checkpoint, it
 * resumes with the prompts.json it saved, unchanged, and predicts.
 */
class VisionLanguageCrashTest {

    private static String[] train(Path out) {
        return new String[] {"train", "--source", VisionLanguageSpecs.CLIP, "--target", TestPaths.digits().toString(),
            "--program", "pad", "--mapping", "text-ilm", "--class-names", String.join(",", VisionLanguageSpecs.CLOTHES),
            "--epochs", "1", "--batch-size", "64", "--shots", "5", "--seed", "3", "--device", "cpu", "--threads", "1",
            "--out", out.toString()};
    }

    @Test
    void aVisionLanguageRunHaltedWhileSavingIsNeverHalfWritten(@TempDir Path tmp) throws Exception {
        Path early = tmp.resolve("early");
        Path late = tmp.resolve("late");
        Process a = CrashConsistencyTest.child(tmp.resolve("early.log"), "before-rename:" + RunFiles.PROMPTS,
                train(early));
        Process b = CrashConsistencyTest.child(tmp.resolve("late.log"), "after-final-checkpoint", train(late));
        for (Process p : List.of(a, b)) {
            try {
                assertTrue(p.waitFor(180, TimeUnit.SECONDS));
            } finally {
                p.destroyForcibly();
            }
            assertEquals(FaultPoints.HALT_STATUS, p.exitValue(), Files.readString(tmp.resolve((p == a ? "early"
                    : "late") + ".log")));
        }
        assertFalse(Files.exists(early.resolve(RunFiles.PROMPTS)), "prompts.json appears whole or not at all");
        try (Stream<Path> s = Files.list(early)) {
            assertTrue(s.anyMatch(f -> f.getFileName().toString().startsWith("." + RunFiles.PROMPTS + ".")),
                    "the halted writer left its temporary file only");
        }
        assertFalse(CheckpointFile.exists(early));
        assertEquals("incomplete", RunStore.load(early, false).status());

        String saved = Files.readString(late.resolve(RunFiles.PROMPTS));
        assertEquals("interrupted", RunStore.load(late, false).status());
        CliTest.Outcome o = CliTest.cli("resume", late.toString(), "--threads", "1");
        assertEquals(0, o.code(), o.out() + o.err());
        CrashConsistencyTest.assertComplete(late);
        assertEquals(saved, Files.readString(late.resolve(RunFiles.PROMPTS)), "resume keeps the saved prompts");
        CliTest.Outcome p = CliTest.cli("predict", late.toString(), TestPaths.digits().resolve("test/1").toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("source: "), p.out());
    }
}
