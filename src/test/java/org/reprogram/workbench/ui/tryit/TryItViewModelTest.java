package org.reprogram.workbench.ui.tryit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.predict.SmallRuns;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.reprogram.workbench.ui.runs.RunsViewModel;

/** "Try it" and "Export bundle" behind the window: loading, classifying, per-file errors, export. */
class TryItViewModelTest {

    private static final Path BUNDLE = TestPaths.fixtures().resolve("bundle/pad-ilm.zip");
    private static final Path IMAGES = TestPaths.fixtures().resolve("bundle/images");

    @Test
    void chosenImagesShowProgrammedInputSourceAndTargetAndBadFilesSayWhy(@TempDir Path tmp) throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.png"), "not an image");
        TryItViewModel vm = new TryItViewModel(new SyncTaskExecutor(), BUNDLE);
        assertFalse(vm.ready().get());
        vm.load();
        assertTrue(vm.ready().get(), vm.message.get());
        assertFalse(vm.busy().get());
        assertEquals("pad-ilm · 4 classes · best state (epoch 3) · test accuracy 0.299", vm.title.get());
        assertFalse(vm.canExport(), "a bundle is exported already");

        vm.classify(List.of(IMAGES, broken));
        assertEquals(7, vm.items.size());
        assertEquals("Classified 6 images; 1 could not be read.", vm.message.get());
        TryItViewModel.Item first = vm.items.get(0);
        assertEquals("color_20x13.png", first.name());
        assertEquals(3 * 16 * 16, first.programmed().data().length, "the programmed canvas, C x H x W");
        assertEquals(3, first.programmed().channels());
        assertEquals(16, first.programmed().height());
        assertTrue(first.target().matches("\\d · \\d+\\.\\d %"), first.target());
        assertTrue(first.alternatives().matches("\\d · \\d+\\.\\d %  ·  \\d · \\d+\\.\\d %"), first.alternatives());
        assertTrue(first.source().matches("the source model saw: [a-e] · \\d+\\.\\d %"), first.source());
        assertNull(first.correct(), "the images folder names no target class");
        TryItViewModel.Item bad = vm.items.get(6);
        assertEquals("broken.png", bad.name());
        assertNull(bad.programmed());
        assertTrue(bad.error().contains("is not a readable PNG/JPEG/BMP/GIF image"), bad.error());

        vm.classify(List.of(IMAGES.resolve("digit0.png")));
        assertEquals(8, vm.items.size());
        assertEquals("digit0.png", vm.items.get(0).name(), "newest first");
        assertEquals("Classified 1 image.", vm.message.get());
        vm.clear();
        assertTrue(vm.items.isEmpty());
        vm.close();
        assertFalse(vm.ready().get());
        vm.classify(List.of(IMAGES));
        assertTrue(vm.items.isEmpty(), "nothing is classified after close");
    }

    @Test
    void aRunIsTriedAndExportedAndItsBundleClassifiesTheSame(@TempDir Path tmp) throws Exception {
        Path digits5 = SmallRuns.digits5(tmp);
        Path runs = tmp.resolve("runs");
        Path run = runs.resolve("20260101-000000-pad-ilm-digits5");
        SmallRuns.train(SmallRuns.config(SmallRuns.TINY.toString(), digits5, "pad", "ilm",
                "whitebox"), run);
        SyncTaskExecutor exec = new SyncTaskExecutor();
        TryItViewModel fromRun = new TryItViewModel(exec, run);
        fromRun.load();
        assertTrue(fromRun.canExport());
        Path test3 = digits5.resolve("test/3");
        fromRun.classify(List.of(test3));
        assertEquals(Files.list(test3).count(), fromRun.items.size());
        assertTrue(fromRun.items.stream().allMatch(i -> i.correct() != null), "folder 3 names a target class");
        long right = fromRun.items.stream().filter(TryItViewModel.Item::correct).count();
        assertTrue(fromRun.message.get().endsWith(String.format(java.util.Locale.ROOT,
                "; accuracy %d/%d (%.1f %%) on the images in folders named like a target class.", right,
                fromRun.items.size(), 100.0 * right / fromRun.items.size())), "as the predict command prints it: "
                + fromRun.message.get());
        assertEquals(runs, fromRun.exportFolder(), "Export bundle… starts in the runs folder");

        Path bundle = tmp.resolve("out/run.zip");
        fromRun.exportBundle(bundle);
        assertTrue(Files.isRegularFile(bundle), fromRun.message.get());
        assertTrue(fromRun.message.get().startsWith("Exported " + bundle + " (best state"), fromRun.message.get());
        TryItViewModel fromBundle = new TryItViewModel(exec, bundle);
        fromBundle.load();
        fromBundle.classify(List.of(test3));
        assertEquals(fromRun.items.stream().map(TryItViewModel.Item::target).toList(),
                fromBundle.items.stream().map(TryItViewModel.Item::target).toList());

        // the Runs tab exports the same way
        RunsViewModel runsVm = new RunsViewModel(exec, new RunStore(runs));
        runsVm.refresh();
        assertTrue(RunsViewModel.predictable(runsVm.runs().get(0)));
        Path second = tmp.resolve("second.zip");
        runsVm.exportBundle(runsVm.runs().get(0), second);
        assertTrue(Files.isRegularFile(second), runsVm.message.get());
        assertTrue(runsVm.message.get().contains("'predict second.zip IMAGES'"), runsVm.message.get());
        fromRun.close();
        fromBundle.close();
    }

    @Test
    void aRunWithoutAFinishedEpochSaysSo(@TempDir Path tmp) throws Exception {
        Path unfinished = Files.createDirectories(tmp.resolve("unfinished"));
        try (var fs = java.nio.file.FileSystems.newFileSystem(BUNDLE)) {
            Files.copy(fs.getPath("config.json"), unfinished.resolve("config.json"));
        }
        TryItViewModel vm = new TryItViewModel(new SyncTaskExecutor(), unfinished);
        vm.load();
        assertFalse(vm.ready().get());
        assertTrue(vm.message.get().startsWith("Cannot try unfinished: " + unfinished + ": has no finished state"),
                vm.message.get());
        vm.classify(List.of(IMAGES));
        assertTrue(vm.items.isEmpty());
    }
}
