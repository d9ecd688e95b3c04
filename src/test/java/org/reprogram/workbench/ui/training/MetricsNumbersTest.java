package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Table cells stay readable for a diverging loss (issue 10 item 11). */
class MetricsNumbersTest {

    @Test
    void largeAndTinyValuesUseScientificNotation() {
        assertEquals("4.02e+06", MetricsView.num(4018630.3661));
        assertEquals("2.5256", MetricsView.num(2.5256));
        assertEquals("0.0000", MetricsView.num(0));
        assertEquals("1.00e-05", MetricsView.num(1e-5));
        assertEquals("-", MetricsView.num(Double.NaN));
    }
}
