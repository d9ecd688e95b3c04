package org.reprogram.workbench.core.spec;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.Problem;

/**
 * A {@link Parameter} bound to where its value lives in a {@link RunSpec}: how to read it, how to set
 * it (a copy), which runs it applies to, and the default of each method where one differs (the
 * baselines' learning rates). Everything a front end does with a setting goes through here: the CLI
 * options, the setup form, config.json, the compare table's columns and study sweeps.
 *
 * @param <T> the value's Java type
 */
public final class Setting<T> {

    /** What a setting that does not apply to a run reads as in tables. */
    public static final String NOT_APPLICABLE = "-";

    private final Parameter<T> parameter;
    private final Function<RunSpec, T> get;
    private final BiFunction<RunSpec, T, RunSpec> with;
    private final Predicate<RunSpec> appliesTo;
    private final Map<Method, T> methodDefaults;

    Setting(Parameter<T> parameter, Function<RunSpec, T> get, BiFunction<RunSpec, T, RunSpec> with,
            Predicate<RunSpec> appliesTo, Map<Method, T> methodDefaults) {
        this.parameter = parameter;
        this.get = get;
        this.with = with;
        this.appliesTo = appliesTo;
        this.methodDefaults = methodDefaults.isEmpty() ? Map.of() : new EnumMap<>(methodDefaults);
    }

    public Parameter<T> parameter() {
        return parameter;
    }

    /** The parameter's id ("optimization.lr"). */
    public String id() {
        return parameter.id();
    }

    /** SPEC's value. */
    public T get(RunSpec spec) {
        return get.apply(spec);
    }

    /** A copy of SPEC with VALUE (not checked: see {@link #check}). */
    public RunSpec with(RunSpec spec, T value) {
        return with.apply(spec, value);
    }

    /** A copy of SPEC with the value parsed from TEXT; a {@link org.reprogram.workbench.core.param.ProblemException} when it cannot be read or is out of range. */
    public RunSpec withText(RunSpec spec, String text) {
        return with(spec, parameter.parse(text));
    }

    /** Whether the setting means anything for SPEC's method, program, mapping and trainer. */
    public boolean appliesTo(RunSpec spec) {
        return appliesTo.test(spec);
    }

    /** The default for runs of METHOD. */
    public T defaultFor(Method method) {
        return methodDefaults.getOrDefault(method, parameter.defaultValue());
    }

    /** SPEC's value as text, or {@value #NOT_APPLICABLE} where it does not apply. */
    public String format(RunSpec spec) {
        return appliesTo(spec) ? parameter.format(get(spec)) : NOT_APPLICABLE;
    }

    /** SPEC's value for a table cell ({@link Parameter#display}), or {@value #NOT_APPLICABLE} where it does not apply. */
    public String display(RunSpec spec) {
        return appliesTo(spec) ? parameter.display(get(spec)) : NOT_APPLICABLE;
    }

    /** The problem of SPEC's value (range, choices), or null; null too where it does not apply. */
    public Problem check(RunSpec spec) {
        return appliesTo(spec) ? parameter.check(get(spec)) : null;
    }

    @Override
    public String toString() {
        return id();
    }

    /** Starts a setting for PARAMETER read by GET and written by WITH; it applies to every run unless restricted. */
    static <T> Builder<T> bind(Parameter<T> parameter, Function<RunSpec, T> get, BiFunction<RunSpec, T, RunSpec> with) {
        return new Builder<>(parameter, get, with);
    }

    static final class Builder<T> {
        private final Parameter<T> parameter;
        private final Function<RunSpec, T> get;
        private final BiFunction<RunSpec, T, RunSpec> with;
        private Predicate<RunSpec> appliesTo = s -> true;
        private final Map<Method, T> defaults = new EnumMap<>(Method.class);

        private Builder(Parameter<T> parameter, Function<RunSpec, T> get, BiFunction<RunSpec, T, RunSpec> with) {
            this.parameter = parameter;
            this.get = get;
            this.with = with;
        }

        Builder<T> when(Predicate<RunSpec> rule) {
            this.appliesTo = rule;
            return this;
        }

        Builder<T> defaultFor(Method m, T value) {
            defaults.put(m, value);
            return this;
        }

        Setting<T> build() {
            return new Setting<>(parameter, get, with, appliesTo, defaults);
        }
    }
}
