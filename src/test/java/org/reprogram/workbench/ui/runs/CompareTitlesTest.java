package org.reprogram.workbench.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.run.RunParameter;

/** The compare table never shows two columns that differ only in case ("epochs" and "Epochs"). */
class CompareTitlesTest {

    @Test
    void plannedAndFinishedEpochsHaveDistinctTitles() {
        assertEquals("epochs planned", CompareTitles.setting(RunParameter.EPOCHS));
        for (RunParameter p : RunParameter.values()) {
            assertFalse(CompareTitles.setting(p).toLowerCase(Locale.ROOT)
                    .equals(CompareTitles.EPOCHS_DONE.toLowerCase(Locale.ROOT)), p.id());
            assertFalse(CompareTitles.setting(p).equalsIgnoreCase("epochs"), p + " reads like the finished count");
        }
    }
}
