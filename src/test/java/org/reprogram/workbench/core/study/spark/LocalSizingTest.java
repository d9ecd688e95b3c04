package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.UserInputException;

/** Local mode never runs more trials x threads than cores, and says so when asked to. */
class LocalSizingTest {

    @Test
    void fromTheCores() {
        assertEquals(new LocalSizing(8, null), LocalSizing.of(null, 0, 1, 8));
        assertEquals(new LocalSizing(4, null), LocalSizing.of("local[*]", 0, 2, 8));
        assertEquals(new LocalSizing(1, null), LocalSizing.of("local", 0, 3, 8), "local alone: 1 worker thread");
    }

    @Test
    void asked() {
        assertEquals(new LocalSizing(3, null), LocalSizing.of(null, 3, 2, 8));
        assertEquals(new LocalSizing(2, null), LocalSizing.of("local[2]", 0, 1, 8));
        assertEquals(new LocalSizing(1, null), LocalSizing.of("local[1, 3]", 0, 1, 8));
        assertEquals(new LocalSizing(2, null), LocalSizing.of("local[4]", 2, 1, 8), "--parallel wins over the master");
    }

    @Test
    void moreThanTheCoresIsCutWithAWarning() {
        LocalSizing s = LocalSizing.of(null, 4, 1, 2);
        assertEquals(2, s.trials());
        assertTrue(s.warning().contains("4 trials at once x 1 thread is more than the 2 cores: running 2"), s.warning());
        LocalSizing t = LocalSizing.of(null, 0, 4, 2);
        assertEquals(1, t.trials());
        assertTrue(t.warning().contains("4 threads per trial on 2 cores"), t.warning());
        assertNull(LocalSizing.of(null, 2, 1, 2).warning());
    }

    @Test
    void aMasterThatIsNotLocal() {
        UserInputException e = assertThrows(UserInputException.class, () -> LocalSizing.of("locale[2]", 0, 1, 2));
        assertTrue(e.getMessage().contains("--master locale[2]: not a local master"), e.getMessage());
    }
}
