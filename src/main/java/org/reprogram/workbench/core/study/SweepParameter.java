package org.reprogram.workbench.core.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.reprogram.workbench.core.spec.Setting;

/**
 * One swept setting of a study: a list of values (grid, or categorical draws) or a range with a
 * distribution (random). Values are typed and already checked by the setting's declaration.
 *
 * @param setting the registry setting ("optimization.lr")
 * @param values the values, in the spec's order (empty for a range)
 * @param distribution categorical for a list; uniform, log_uniform_values or int_uniform for a range
 * @param min the range's lower end (ranges only)
 * @param max the range's upper end (ranges only)
 * @param line the spec file's line of the parameter's key, for messages
 */
public record SweepParameter(Setting<?> setting, List<Object> values, Distribution distribution, double min, double max,
        int line) {

    /** Significant digits a drawn real keeps (readable in tables, far finer than any effect). */
    static final int DRAWN_DIGITS = 6;

    public SweepParameter {
        values = List.copyOf(values);
    }

    /** A parameter with the listed VALUES. */
    public static SweepParameter of(Setting<?> setting, List<Object> values, int line) {
        return new SweepParameter(setting, values, Distribution.CATEGORICAL, 0, 0, line);
    }

    /** The setting's id. */
    public String id() {
        return setting.id();
    }

    /** One value drawn with RANDOM (a list: each value as likely; a range: by the distribution), checked. */
    public Object draw(Random random) {
        return switch (distribution) {
            case CATEGORICAL -> values.get(random.nextInt(values.size()));
            case INT_UNIFORM -> setting.parameter().parse(Long.toString((long) min
                    + (long) Math.floor(random.nextDouble() * ((long) max - (long) min + 1))));
            case UNIFORM -> real(min + random.nextDouble() * (max - min));
            case LOG_UNIFORM_VALUES -> real(Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min))));
        };
    }

    /** V rounded to {@value #DRAWN_DIGITS} significant digits, kept inside [min, max], as the setting's type. */
    private Object real(double v) {
        double r = new BigDecimal(v).round(new MathContext(DRAWN_DIGITS)).doubleValue();
        return setting.parameter().parse(Double.toString(Math.max(min, Math.min(max, r))));
    }
}
