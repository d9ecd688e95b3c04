package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;

class DatasetTest {

    @Test
    void sampleDigitsArePresplitWithTenClasses() {
        TargetDataset d = TargetDatasets.open(TestPaths.digits(), 0);
        assertEquals(10, d.numClasses());
        assertEquals("0", d.classNames().get(0));
        assertFalse(d.testFromTrain());
        assertEquals(1797, d.train().size() + d.test().size());
        assertEquals(8, d.train().images().get(0).width());
        assertEquals(1, d.train().images().get(0).channels());
    }

    @Test
    void flatFolderIsSplitPerClassDeterministically(@TempDir Path dir) throws Exception {
        Path data = DatasetFixtures.imageFolder(dir, 3, 10, 12, true);
        TargetDataset a = TargetDatasets.open(data, 5);
        TargetDataset b = TargetDatasets.open(data, 5);
        assertTrue(a.testFromTrain());
        assertEquals(24, a.train().size());
        assertEquals(6, a.test().size());
        assertEquals(3, a.train().images().get(0).channels(), "JPEG colour stays RGB");
        assertEquals(java.util.Arrays.toString(a.test().labels()), java.util.Arrays.toString(b.test().labels()));
    }

    @Test
    void idxFixtureLoads() {
        TargetDataset d = TargetDatasets.open(TestPaths.fixtures().resolve("idx"), 0);
        assertEquals("idx", d.format());
        assertEquals(60, d.train().size());
        assertEquals(20, d.test().size());
        assertEquals(28, d.train().images().get(0).height());
    }

    @Test
    void unreadableImageNamesTheFile(@TempDir Path dir) throws Exception {
        Path data = DatasetFixtures.imageFolder(dir, 2, 3, 8, false);
        Path bad = data.resolve("classa/broken.png");
        Files.writeString(bad, "not an image");
        UserInputException e = assertThrows(UserInputException.class, () -> TargetDatasets.open(data, 0));
        assertTrue(e.getMessage().contains("broken.png") && e.getMessage().contains("Fix:"), e.getMessage());
    }

    @Test
    void missingFolderAndSingleClassAreClearErrors(@TempDir Path dir) throws Exception {
        UserInputException missing = assertThrows(UserInputException.class,
                () -> TargetDatasets.open(dir.resolve("nope"), 0));
        assertTrue(missing.getMessage().contains("nope") && missing.getMessage().contains("not found"));
        Path one = DatasetFixtures.imageFolder(dir, 1, 3, 8, false);
        UserInputException single = assertThrows(UserInputException.class, () -> TargetDatasets.open(one, 0));
        assertTrue(single.getMessage().contains("at least two class folders"), single.getMessage());
    }
}
