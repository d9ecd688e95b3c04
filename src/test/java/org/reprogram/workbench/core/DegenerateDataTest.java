package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.baseline.BaselineRun;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.Experiment;

/** Issue 9: degenerate data and setups are errors or notices (rule: {@link org.reprogram.workbench.core.data.DataChecks}). */
class DegenerateDataTest {

    private static RunSpec config(Path target) {
        return RunSpec.defaults(target.toString()).with(Settings.EPOCHS, 1).with(Settings.DEVICE, "cpu");
    }

    @Test
    void oneImagePerClassLeavesNoTestImagesAndIsAnError(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 3, 1, 8, false);
        TargetDataset d = TargetDatasets.open(data, 0);
        assertEquals(0, d.test().size());
        UserInputException e = assertThrows(UserInputException.class, () -> Experiment.open(config(data), d));
        assertEquals(data + ": target 'data' has no test images (a class needs at least 2 images for one to be held"
                + " out for testing), so the test accuracy could not be measured. Fix: add images: at least 2 per class"
                + " folder, better 10 or more", e.getMessage());
        UserInputException b = assertThrows(UserInputException.class, () -> BaselineRun.open(
                RunSpec.baseline(Method.LINEAR_PROBE, data.toString()).with(Settings.DEVICE, "cpu"), d));
        assertEquals(e.getMessage(), b.getMessage());
    }

    @Test
    void aClassWithoutTestImagesIsANotice(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 3, 5, 8, false);
        for (int i = 1; i < 5; i++) {
            Files.delete(data.resolve("classc/" + i + ".png")); // one image left: it stays for training
        }
        String notice = "no test images for class 'classc' (a class needs at least 2 images for one to be held out for"
                + " testing): the test accuracy leaves it out";
        try (Experiment exp = Experiment.open(config(data))) {
            assertTrue(exp.notices().contains(notice), exp.notices().toString());
        }
        try (BaselineRun run = BaselineRun.open(RunSpec.baseline(Method.LINEAR_PROBE, data.toString())
                .with(Settings.DEVICE, "cpu"))) {
            assertTrue(run.notices().contains(notice), run.notices().toString());
        }
    }

    @Test
    void aPresplitTestFolderWithoutAClassIsANotice(@TempDir Path tmp) throws Exception {
        Path train = DatasetFixtures.imageFolder(tmp.resolve("train-src"), 3, 4, 8, false);
        Path test = DatasetFixtures.imageFolder(tmp.resolve("test-src"), 2, 2, 8, false);
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.move(train, data.resolve("train"));
        Files.move(test, data.resolve("test"));
        try (Experiment exp = Experiment.open(config(data))) {
            assertTrue(exp.notices().contains("no test images for class 'classc': the test accuracy leaves it out"),
                    exp.notices().toString());
        }
    }

    @Test
    void aPadWindowAsLargeAsTheCanvasLeavesNothingToTrain() {
        RunSpec base = config(TestPaths.digits());
        UserInputException e = assertThrows(UserInputException.class,
                () -> Experiment.open(TestSpecs.programAndMapping(base, "pad", 32, "ilm")));
        assertEquals("nothing to train: program 'pad' has no trainable parameters (--inner-size 32 makes the target"
                + " window as large as the 32x32 canvas: no frame is left) and mapping 'ilm' has no trainable weights."
                + " Fix: choose a smaller --inner-size (0 = half the canvas), another --program, or a trainable mapping"
                + " (--mapping linear)", e.getMessage());
        try (Experiment exp = Experiment.open(TestSpecs.programAndMapping(base, "pad", 32, "linear"))) {
            assertTrue(exp.notices().contains("program 'pad' has no trainable parameters (--inner-size 32 makes the"
                    + " target window as large as the 32x32 canvas: no frame is left): only the linear mapping is"
                    + " trained"), exp.notices().toString());
            assertEquals(exp.mapping().trainableParameters(), exp.trainableParameters());
        }
    }

    private static void idx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    @Test
    void idxLabelsWithGapsAreAnErrorNamingTheLabelFile(@TempDir Path tmp) throws Exception {
        idx(tmp.resolve("train-images-idx3-ubyte"), 0x803, new int[] {4, 2, 2}, new byte[16]);
        idx(tmp.resolve("train-labels-idx1-ubyte"), 0x801, new int[] {4}, new byte[] {0, 3, 0, 3});
        idx(tmp.resolve("t10k-images-idx3-ubyte"), 0x803, new int[] {2, 2, 2}, new byte[8]);
        idx(tmp.resolve("t10k-labels-idx1-ubyte"), 0x801, new int[] {2}, new byte[] {0, 3});
        UserInputException e = assertThrows(UserInputException.class, () -> TargetDatasets.open(tmp, 0));
        assertEquals(tmp.resolve("train-labels-idx1-ubyte") + ": labels run from 0 to 3 but labels 1, 2 never occur:"
                + " each would be a class without images. Fix: number the classes 0..1 without gaps (the labels are"
                + " the class indices)", e.getMessage());
    }

    @Test
    void duplicateClassNamesInASidecarAreANotice(@TempDir Path tmp) throws Exception {
        Path fixtures = TestPaths.fixtures().resolve("torchscript");
        Path model = Files.copy(fixtures.resolve("tiny_cnn.pt"), tmp.resolve("dup.pt"));
        String sidecar = Files.readString(fixtures.resolve("tiny_cnn.pt.json"))
                .replace("\"c\"", "\"a\"").replace("\"e\"", "\"b\"");
        Files.writeString(tmp.resolve("dup.pt.json"), sidecar);
        Path data = DatasetFixtures.imageFolder(tmp, 2, 4, 8, false);
        try (Experiment exp = Experiment.open(config(data).withSource(model.toString()))) {
            assertEquals(List.of("a", "b", "a", "d", "b"), exp.source().card().classNames());
            assertTrue(exp.notices().contains(tmp.resolve("dup.pt.json") + " lists class names more than once:"
                    + " 'a' (0, 2), 'b' (1, 4); mapping.csv and the views cannot tell those source classes apart (make"
                    + " the \"classNames\" unique to fix it)"), exp.notices().toString());
        }
    }
}
