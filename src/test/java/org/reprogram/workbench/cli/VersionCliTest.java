package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.util.Utils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.AppPaths;

/** {@code --version}: what the installer check and users read to know what they run. */
class VersionCliTest {

    @Test
    void versionNamesTheAppDjlPytorchAndTheDevice() {
        CliTest.Outcome o = CliTest.cli("--version");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        // the values come from the pom (surefire passes them), not from the code under test
        assertEquals("Reprogram Workbench " + System.getProperty("project.version"), lines.get(0), o.out());
        assertTrue(lines.contains("DJL " + System.getProperty("djl.version")), o.out());
        assertTrue(lines.contains("PyTorch " + System.getProperty("pytorch.version")), o.out());
        assertTrue(lines.stream().anyMatch(l -> l.equals("device: cpu (the PyTorch engine sees no GPU)")
                || l.matches("device: gpu \\(\\d+ GPUs?\\)")), o.out());
        assertTrue(lines.contains("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")"),
                o.out());
    }

    @Test
    void pytorchNativesComeFromTheUsersDjlCacheNotTheAppFolder() {
        CliTest.Outcome o = CliTest.cli("--version");
        String natives = o.out().lines().filter(l -> l.startsWith("PyTorch natives: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no natives line: " + o.out()))
                .substring("PyTorch natives: ".length());
        Path dir = Paths.get(natives);
        assertTrue(dir.startsWith(Utils.getEngineCacheDir("pytorch")), natives);
        assertTrue(Files.isRegularFile(dir.resolve(System.mapLibraryName("torch_cpu"))), natives);
        assertFalse(dir.toAbsolutePath().startsWith(AppPaths.home()), "natives inside the app folder: " + natives);
    }
}
