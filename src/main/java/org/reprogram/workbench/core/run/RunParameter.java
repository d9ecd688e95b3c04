package org.reprogram.workbench.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;

/**
 * A column of the compare table: a registered setting of the runs ({@link ParameterRegistry}), as
 * text, so runs can be compared by what they were trained with: {@link #differing} picks the ones
 * whose values differ between runs (the compare table's columns in the GUI and the CLI). A setting
 * that does not apply to a run (the inner size of a full program, q of a white-box run, the program
 * of a baseline) reads "-". The threads column is what the run recorded it trained with, not what it
 * asked for.
 */
public final class RunParameter {

    /** A value that does not apply. */
    public static final String NONE = Setting.NOT_APPLICABLE;

    private static final List<RunParameter> ALL = build();

    public static final RunParameter SOURCE = of(Settings.SOURCE.id());
    public static final RunParameter TARGET = of(Settings.TARGET.id());
    public static final RunParameter PROGRAM = of(Settings.PROGRAM.id());
    public static final RunParameter INNER_SIZE = of("program.inner_size");
    public static final RunParameter FRAME = of("program.frame");
    public static final RunParameter MAPPING = of(Settings.MAPPING.id());
    public static final RunParameter SOURCES_PER_CLASS = of("mapping.sources_per_class");
    public static final RunParameter TRAINER = of(Settings.TRAINER.id());
    public static final RunParameter QUERY_DIRECTIONS = of(Settings.QUERY_DIRECTIONS.id());
    public static final RunParameter SMOOTHING = of(Settings.SMOOTHING.id());
    public static final RunParameter LOSS = of(Settings.LOSS.id());
    public static final RunParameter EPOCHS = of(Settings.EPOCHS.id());
    public static final RunParameter BATCH_SIZE = of(Settings.BATCH_SIZE.id());
    public static final RunParameter LR = of(Settings.LR.id());
    public static final RunParameter SCHEDULE = of(Settings.SCHEDULE.id());
    public static final RunParameter SEED = of(Settings.SEED.id());
    public static final RunParameter SHOTS = of(Settings.SHOTS.id());
    /**
     * PyTorch's intra-op threads the run trained with (from the device it recorded, "cpu, 2 threads"):
     * float sums are split by thread, so the last digits of every number depend on it; "-" on a GPU
     * or for runs that did not record it.
     */
    public static final RunParameter THREADS = of(Settings.THREADS.id());

    private static final Pattern CPU_THREADS = Pattern.compile("^cpu, (\\d+) threads?$");

    private final Setting<?> setting;

    private RunParameter(Setting<?> setting) {
        this.setting = setting;
    }

    /**
     * The settings in registry order, less the method (the table has its own method column) and the
     * data memory (where the images are held, in memory or read from disk, changes no number).
     */
    private static List<RunParameter> build() {
        return ParameterRegistry.all().stream().filter(s -> s != Settings.METHOD && s != Settings.DATA_MEMORY)
                .map(RunParameter::new).toList();
    }

    private static RunParameter of(String id) {
        return ALL.stream().filter(p -> p.setting.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no setting " + id));
    }

    /** Every column, in registry order. */
    public static List<RunParameter> values() {
        return ALL;
    }

    /** The setting of this column. */
    public Setting<?> setting() {
        return setting;
    }

    /** The train command's option that sets it, e.g. "--inner-size". */
    public String option() {
        return setting.parameter().option();
    }

    /** CSV column name: the last part of the setting's id, e.g. "inner_size". */
    public String id() {
        String id = setting.id();
        return id.substring(id.lastIndexOf('.') + 1);
    }

    /** Short column title, e.g. "inner size". */
    public String title() {
        return setting.parameter().column();
    }

    /** RUN's value as text ("-" where it does not apply or the run cannot be read). */
    public String valueOf(RunRecord run) {
        if (run == null || !run.readable() || run.config() == null) {
            return NONE;
        }
        if (setting == Settings.THREADS) {
            return threads(run);
        }
        if (setting == Settings.PROGRAM) {
            return run.program(); // a baseline's "-"
        }
        if (setting == Settings.MAPPING) {
            return run.mapping(); // a baseline's head as its result names it ("linear-head")
        }
        if (setting == Settings.TRAINER) {
            return run.trainer(); // "baseline"
        }
        String v = setting.display(run.config());
        return v == null || v.isEmpty() ? NONE : v;
    }

    /**
     * The parameters whose values differ between the readable RUNS, in registry order (empty
     * with fewer than two readable runs). Unreadable folders take no part.
     */
    public static List<RunParameter> differing(List<RunRecord> runs) {
        List<RunParameter> out = new ArrayList<>();
        List<RunRecord> readable = readable(runs);
        for (RunParameter p : ALL) {
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
        List<RunRecord> readable = readable(runs);
        if (readable.isEmpty()) {
            return "";
        }
        List<RunParameter> differ = differing(readable);
        List<String> parts = new ArrayList<>();
        for (RunParameter p : ALL) {
            String v = p.valueOf(readable.get(0));
            if (!differ.contains(p) && !NONE.equals(v)) {
                parts.add(p.title() + " " + v);
            }
        }
        return String.join(", ", parts);
    }

    private static List<RunRecord> readable(List<RunRecord> runs) {
        return runs.stream().filter(r -> r != null && r.readable() && r.config() != null).toList();
    }

    private static String threads(RunRecord r) {
        String device = r.info() != null ? r.info().device() : r.result() != null ? r.result().device() : null;
        Matcher m = device == null ? null : CPU_THREADS.matcher(device);
        return m != null && m.matches() ? m.group(1) : NONE;
    }

    @Override
    public String toString() {
        return id();
    }
}
