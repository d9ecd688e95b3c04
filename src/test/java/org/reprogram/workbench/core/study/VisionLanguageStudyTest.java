package org.reprogram.workbench.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.VisionLanguageSpecs;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/**
 * A study whose base has a vision-language source ({@value VisionLanguageSpecs#CLIP}) runs on the
 * in-process backend: the shipped source carries the model, its sidecar and its tokenizer, and each
 * trial ends as the same run trained alone (with its zero-shot figure and its saved prompts).
 */
class VisionLanguageStudyTest {

    @TempDir
    Path tmp;

    @Test
    void aStudyOfTextMappingsOnTheShippedVisionLanguageModelRuns() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, """
                name: vlm-study
                method: grid
                base:
                  source: %s
                  data.target: %s
                  data.shots: 6
                  optimization.epochs: 1
                  mapping.class_names: "%s"
                parameters:
                  mapping:
                    values: [text, text-ilm]
                seeds: [0]
                """.formatted(VisionLanguageSpecs.CLIP, TestPaths.digits(), String.join(",", VisionLanguageSpecs.CLOTHES)));
        StudyFolder folder = StudyFolder.create(tmp.resolve("study"), spec);
        List<Trial> trials = folder.spec().trials();
        assertEquals(2, trials.size());
        try (InProcessBackend backend = new InProcessBackend(2)) {
            assertEquals(StudyRunner.Ending.DONE, new StudyRunner(folder, backend, null).run());
        }
        try (var zips = Files.list(folder.dir().resolve(ShippedInputs.FOLDER))) {
            Path source = zips.filter(z -> z.getFileName().toString().startsWith("source-")).findFirst().orElseThrow();
            try (ZipFile z = new ZipFile(source.toFile())) {
                for (String f : List.of("model.pt", "model.pt.json", "tokenizer.json")) {
                    assertNotNull(z.getEntry(f), "the shipped source carries " + f);
                }
            }
        }
        for (TrialRecord s : folder.trialStates()) {
            assertTrue(s.completed(), s.toString());
            assertEquals(VisionLanguageSpecs.CLIP, s.run().config().source(), "as the study names it");
            assertNotNull(s.run().result().zeroShot(), s.trial().id());
            assertTrue(Files.isRegularFile(folder.runDir(s.trial().id()).resolve(RunFiles.PROMPTS)), s.trial().id());
        }
        Trial t = trials.get(1);
        TrainingResult alone = RunLauncher.run(t.spec().with(Settings.THREADS, 1), null, tmp.resolve("alone"),
                new TrainingListener() { }, new TrainingControl(), 0);
        TrainingResult inStudy = folder.trialStates().get(1).run().result();
        assertEquals(alone.testAccuracy(), inStudy.testAccuracy(), t.id());
        assertEquals(alone.zeroShot().testAccuracy(), inStudy.zeroShot().testAccuracy(), t.id());
    }
}
