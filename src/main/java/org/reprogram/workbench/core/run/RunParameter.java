package org.reprogram.workbench.core.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.reprogram.workbench.core.train.TrainConfig;

/**
 * The settings that define a run, as text, so runs can be compared by what they were trained
 * with: {@link #differing} picks the ones whose values differ between runs (the compare table's
 * columns in the GUI and the CLI). A setting that does not apply to a run (the inner size of a
 * full program, q of a white-box run, the program of a baseline) reads "-".
 */
public enum RunParameter {
    SOURCE("source", "source", "--source", r -> r.config().source()),
    TARGET("target", "target", "--target", r -> r.config().target()),
    PROGRAM("program", "program", "--program", RunRecord::program),
    INNER_SIZE("inner_size", "inner size", "--inner-size", r -> framed(r)
            ? r.config().innerSize() == 0 ? "auto" : Integer.toString(r.config().innerSize()) : none()),
    FRAME("frame", "frame", "--frame", RunRecord::frame),
    INIT_SCALE("init_scale", "init scale", "--init-scale", r -> reprogram(r) && r.config().program() != null
            && "scale".equals(r.config().program().id()) ? number(r.config().initScale()) : none()),
    MAPPING("mapping", "mapping", "--mapping", RunRecord::mapping),
    SOURCES_PER_CLASS("sources_per_class", "sources/class", "--sources-per-class", r -> reprogram(r)
            && r.config().mapping() != null && r.config().mapping().multiSource()
            ? Integer.toString(r.config().sourcesPerClass()) : none()),
    TRAINER("trainer", "trainer", "--trainer", RunRecord::trainer),
    QUERY_DIRECTIONS("query_directions", "q", "--queries", r -> blackBox(r)
            ? Integer.toString(r.config().queryDirections()) : none()),
    SMOOTHING("smoothing", "beta", "--smoothing", r -> blackBox(r) ? number(r.config().smoothing()) : none()),
    LOSS("loss", "loss", "--loss", r -> reprogram(r) ? r.config().loss() : none()),
    EPOCHS("epochs", "epochs", "--epochs", r -> Integer.toString(r.config().epochs())),
    BATCH_SIZE("batch_size", "batch", "--batch-size", r -> Integer.toString(r.config().batchSize())),
    LR("lr", "lr", "--lr", r -> number(r.config().lr())),
    SCHEDULE("schedule", "schedule", "--schedule", r -> r.config().schedule() == null ? none()
            : r.config().schedule().name().toLowerCase(Locale.ROOT)),
    WEIGHT_DECAY("weight_decay", "weight decay", "--weight-decay", r -> reprogram(r)
            ? number(r.config().weightDecay()) : none()),
    SEED("seed", "seed", "--seed", r -> Long.toString(r.config().seed())),
    SHOTS("shots", "shots", "--shots", r -> r.config().shots() == 0 ? "all" : Integer.toString(r.config().shots())),
    VAL_FRACTION("val_fraction", "val share", "--val-fraction", r -> number(r.config().valFraction())),
    DEVICE("device", "device", "--device", r -> r.config().device()),
    /**
     * PyTorch's intra-op threads the run trained with (from the device it recorded, "cpu, 2 threads"):
     * float sums are split by thread, so the last digits of every number depend on it; "-" on a GPU
     * or for runs that did not record it.
     */
    THREADS("threads", "threads", "--threads", RunParameter::threads);

    /** A value that does not apply. */
    public static final String NONE = "-";

    private final String id;
    private final String title;
    private final String option;
    private final Function<RunRecord, String> value;

    RunParameter(String id, String title, String option, Function<RunRecord, String> value) {
        this.id = id;
        this.title = title;
        this.option = option;
        this.value = value;
    }

    /** The train command's option that sets it, e.g. "--inner-size". */
    public String option() {
        return option;
    }

    /** CSV column name, e.g. "inner_size". */
    public String id() {
        return id;
    }

    /** Short column title, e.g. "inner size". */
    public String title() {
        return title;
    }

    /** RUN's value as text ("-" where it does not apply or the run cannot be read). */
    public String valueOf(RunRecord run) {
        if (run == null || !run.readable() || run.config() == null) {
            return NONE;
        }
        try {
            String v = value.apply(run);
            return v == null || v.isEmpty() ? NONE : v;
        } catch (RuntimeException e) {
            return NONE; // a config from an older version with a field missing
        }
    }

    /**
     * The parameters whose values differ between the readable RUNS, in declaration order (empty
     * with fewer than two readable runs). Unreadable folders take no part.
     */
    public static List<RunParameter> differing(List<RunRecord> runs) {
        List<RunParameter> out = new ArrayList<>();
        List<RunRecord> readable = runs.stream().filter(r -> r != null && r.readable() && r.config() != null).toList();
        for (RunParameter p : values()) {
            Set<String> seen = new LinkedHashSet<>();
            readable.forEach(r -> seen.add(p.valueOf(r)));
            if (seen.size() > 1) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * What the readable RUNS share, as "title value" pairs ("program pad, lr 0.05, ..."), leaving
     * out the differing ones and those that apply to none of them; "" when no run is readable.
     */
    public static String shared(List<RunRecord> runs) {
        List<RunRecord> readable = runs.stream().filter(r -> r != null && r.readable() && r.config() != null).toList();
        if (readable.isEmpty()) {
            return "";
        }
        List<RunParameter> differ = differing(readable);
        List<String> parts = new ArrayList<>();
        for (RunParameter p : values()) {
            String v = p.valueOf(readable.get(0));
            if (!differ.contains(p) && !NONE.equals(v)) {
                parts.add(p.title + " " + v);
            }
        }
        return String.join(", ", parts);
    }

    private static String threads(RunRecord r) {
        String device = r.info() != null ? r.info().device() : r.result() != null ? r.result().device() : null;
        java.util.regex.Matcher m = device == null ? null
                : java.util.regex.Pattern.compile("^cpu, (\\d+) threads?$").matcher(device);
        return m != null && m.matches() ? m.group(1) : none();
    }

    private static String none() {
        return NONE;
    }

    /** A reprogramming run whose program has a target window inside a frame (pad, scale). */
    private static boolean framed(RunRecord r) {
        return reprogram(r) && r.config().program() != null && !r.config().program().fillsCanvas();
    }

    private static boolean reprogram(RunRecord r) {
        return !r.isBaseline();
    }

    private static boolean blackBox(RunRecord r) {
        TrainConfig c = r.config();
        return reprogram(r) && "blackbox".equals(c.trainer());
    }

    /** 0.05, 0.0001, 1.5, 0: no exponent, no trailing zeros. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
