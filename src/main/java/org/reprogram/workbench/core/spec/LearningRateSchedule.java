package org.reprogram.workbench.core.spec;

/** Learning-rate schedules over the run's total steps. */
public enum LearningRateSchedule {
    /** Constant learning rate. */
    CONSTANT,
    /** x0.1 at 50 % and again at 72 % of the steps (ILM-VP). */
    STEP,
    /** Cosine decay to zero. */
    COSINE;

    public double rate(double base, long step, long totalSteps) {
        double progress = totalSteps <= 0 ? 0 : (double) step / totalSteps;
        return switch (this) {
            case CONSTANT -> base;
            case STEP -> base * (progress >= 0.72 ? 0.01 : progress >= 0.5 ? 0.1 : 1);
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
        };
    }

    /** The id on the command line and in config.json ("step"). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LearningRateSchedule parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
