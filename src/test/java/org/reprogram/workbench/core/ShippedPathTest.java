package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --target sample-data/digits} works from any folder once the app is installed: a relative
 * path missing from the working directory falls back to the shipped file, and only then.
 */
class ShippedPathTest {

    @Test
    void relativePathMissingHereResolvesToTheShippedOne(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("opt/app"));
        Files.createDirectories(home.resolve("sample-data/digits"));
        Path cwd = Files.createDirectories(tmp.resolve("somewhere"));
        assertEquals(home.resolve("sample-data/digits").toString(), AppPaths.orShipped("sample-data/digits", home, cwd));
    }

    @Test
    void whatTheUserHasWins(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("opt/app"));
        Files.createDirectories(home.resolve("sample-data/digits"));
        Path cwd = Files.createDirectories(tmp.resolve("somewhere"));
        Files.createDirectories(cwd.resolve("sample-data/digits"));
        assertEquals("sample-data/digits", AppPaths.orShipped("sample-data/digits", home, cwd));
        Path absolute = tmp.resolve("mine");
        assertEquals(absolute.toString(), AppPaths.orShipped(absolute.toString(), home, cwd));
    }

    @Test
    void missingEverywhereOrOutsideTheAppStaysAsTyped(@TempDir Path tmp) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("opt/app"));
        Files.createDirectories(tmp.resolve("opt/secret"));
        Path cwd = Files.createDirectories(tmp.resolve("somewhere"));
        assertEquals("no-such-folder", AppPaths.orShipped("no-such-folder", home, cwd));
        assertEquals("../secret", AppPaths.orShipped("../secret", home, cwd));
        assertEquals("", AppPaths.orShipped("", home, cwd));
    }
}
