package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** glibc takes both malloc settings; the opt-out property is honoured. */
class NativeMemoryTest {

    @Test
    void glibcTakesBothSettings() {
        // the build and CI machines are Linux with glibc; elsewhere there is nothing to tune
        assumeTrue(com.sun.jna.Platform.isLinux() && System.getenv("GLIBC_TUNABLES") == null, "Linux with glibc");
        assertTrue(NativeMemory.keepFreedMemory(), "mallopt accepted M_MMAP_THRESHOLD and M_TRIM_THRESHOLD");
    }

    @Test
    void theOptOutIsHonoured() {
        System.setProperty("reprogram.mallocTuning", "false");
        try {
            assertFalse(NativeMemory.keepFreedMemory());
        } finally {
            System.clearProperty("reprogram.mallocTuning");
        }
    }
}
