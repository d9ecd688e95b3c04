package org.reprogram.workbench.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.AppPaths;

class AppArgsTest {

    @Test
    void runsDirInBothSpellingsAndDemo() {
        assertEquals(Path.of("/r1"), AppArgs.parse(List.of("--runs-dir", "/r1")).runsDir());
        assertEquals(Path.of("/r2"), AppArgs.parse(List.of("--demo", "--runs-dir=/r2")).runsDir());
        assertTrue(AppArgs.parse(List.of("--runs-dir=/r2", "--demo")).demo());
        AppArgs none = AppArgs.parse(List.of("--gui"));
        assertFalse(none.demo());
        assertEquals(AppPaths.defaultRunsDir(), none.runsDir());
        assertEquals(null, none.study());
    }

    @Test
    void studyInBothSpellings() {
        assertEquals(Path.of("/s1"), AppArgs.parse(List.of("--study", "/s1")).study());
        assertEquals(Path.of("/s2"), AppArgs.parse(List.of("--runs-dir", "/r", "--study=/s2")).study());
    }
}
