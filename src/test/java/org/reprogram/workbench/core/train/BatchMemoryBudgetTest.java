package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.UserInputException;

/** -Dreprogram.batchMemory: a size sets the budget; anything else is an error naming that setting. */
class BatchMemoryBudgetTest {

    @AfterEach
    void restore() {
        System.clearProperty("reprogram.batchMemory");
    }

    @Test
    void aSizeSetsTheBudgetAndANonSizeNamesTheProperty() {
        System.setProperty("reprogram.batchMemory", "64M");
        assertEquals(64L << 20, BatchMemory.budgetBytes());
        System.setProperty("reprogram.batchMemory", "lots");
        UserInputException e = assertThrows(UserInputException.class, BatchMemory::budgetBytes);
        assertTrue(e.getMessage().contains("-Dreprogram.batchMemory") && e.getMessage().contains("'lots'")
                && e.getMessage().contains("Fix: "), e.getMessage());
        assertFalse(e.getMessage().contains("--data-memory"), "names the setting given: " + e.getMessage());
    }
}
