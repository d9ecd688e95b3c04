package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values for an axis from MIN to MAX: a step of 1, 2, 2.5 or 5 times a power of ten
 * chosen so that at most a given number of ticks cover the range, the first at or below MIN and the
 * last at or above MAX.
 */
final class NiceTicks {

    private NiceTicks() {}

    /** The ticks covering MIN..MAX, at most MAX_COUNT + 1 of them (a range of 0.01 around a single value). */
    static List<Double> of(double min, double max, int maxCount) {
        if (!(max - min > 1e-12)) {
            min -= 0.005;
            max += 0.005;
        }
        double raw = (max - min) / maxCount;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw) {
                step = m * power;
                break;
            }
        }
        long first = (long) Math.floor(min / step + 1e-9);
        long last = (long) Math.ceil(max / step - 1e-9);
        List<Double> ticks = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }
}
