package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.DatasetFixtures;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/**
 * Issue 17, item 13 in the window: the setup's "Skip unreadable images" box (bound to
 * {@link SetupViewModel#skipBadImages}) re-reads the folder without the bad file, says what was
 * skipped in the target summary, and goes into the run's configuration.
 */
class SkipBadImagesSetupTest {

    @Test
    void theCheckboxPropertySkipsListsAndIsPartOfTheConfig(@TempDir Path tmp) throws Exception {
        Path data = DatasetFixtures.imageFolder(tmp, 2, 6, 8, false);
        Files.writeString(data.resolve("classb/broken.png"), "not an image");
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.target().set(data.toString());
        assertNull(vm.dataset().get());
        assertTrue(vm.datasetError().get().contains("broken.png") && vm.datasetError().get().contains("Skip unreadable"
                + " images"), vm.datasetError().get());
        assertFalse(vm.valid().get());

        vm.skipBadImages.set(true);
        assertNotNull(vm.dataset().get(), vm.datasetError().get());
        assertEquals("", vm.datasetError().get());
        assertTrue(vm.datasetSummary().get().contains("Skipped 1 unreadable image of target 'data'"
                + " (--skip-bad-images): classb/broken.png (is not a readable PNG/JPEG/BMP/GIF image)"),
                vm.datasetSummary().get());
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
        assertTrue(vm.config().data().skipBadImages());

        vm.apply(vm.config().with(Settings.SKIP_BAD_IMAGES, false));
        assertFalse(vm.skipBadImages.get(), "a saved run's setting comes back with it");
        assertFalse(vm.config().data().skipBadImages());
    }
}
