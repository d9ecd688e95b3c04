package org.reprogram.workbench.core.spec;

import java.util.List;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ProblemException;
import org.reprogram.workbench.core.program.ProgramType;

/**
 * Everything that defines a run, reprogramming or baseline: written to config.json
 * ({@link RunSpecJson}) so that a run can be listed, compared, repeated and resumed. Built from the
 * defaults ({@link ParameterRegistry#defaults}) and changed one setting at a time
 * ({@code spec.with(Settings.LR, 0.05)}) or one section at a time ({@code withData(…)}); never with a
 * positional constructor of twenty arguments. The sections a method does not use keep their values
 * (a baseline's program reads "-" in tables: {@link Setting#appliesTo}).
 *
 * @param method reprogramming or a baseline
 * @param source "builtin", "builtin:NAME" or a TorchScript .pt path
 * @param data target folder and splits
 * @param program the input program and its settings (reprogramming)
 * @param mapping the label mapping and its settings (reprogramming)
 * @param trainer white-box or black-box and its settings (reprogramming)
 * @param optimization epochs, batch, learning rate and schedule, weight decay, loss
 * @param seed seeds splits, shuffling, random mappings and initialisation
 * @param resources device, threads and data memory of this run
 */
public record RunSpec(Method method, String source, DataSpec data, ProgramSpec program, MappingSpec mapping,
        TrainerSpec trainer, OptimizationSpec optimization, long seed, ResourceSpec resources) {

    /** Every section present, every value empty: the start of {@link ParameterRegistry#defaults}. */
    static final RunSpec EMPTY = new RunSpec(Method.REPROGRAM, "", new DataSpec("", 0, 0, false),
            new ProgramSpec("", null), new MappingSpec("", null), new TrainerSpec(TrainerKind.WHITEBOX, 1, 1),
            new OptimizationSpec(1, 1, 1, LearningRateSchedule.CONSTANT, 0, LossKind.CE), 0,
            new ResourceSpec("auto", 0, 0));

    /** The teaching demo's inner size (a 10 px digit in the 28 px canvas). */
    public static final int DEMO_INNER_SIZE = 10;
    /** The teaching demo's epochs. */
    public static final int DEMO_EPOCHS = 20;

    /** Defaults for a quick white-box run on TARGET with the built-in model. */
    public static RunSpec defaults(String target) {
        return ParameterRegistry.defaults(Method.REPROGRAM).with(Settings.TARGET, target);
    }

    /** Defaults of baseline METHOD on TARGET with the built-in model. */
    public static RunSpec baseline(Method method, String target) {
        return ParameterRegistry.defaults(method).with(Settings.TARGET, target);
    }

    /**
     * The teaching-demo preset: built-in model to the sample digits with a padding frame around a
     * 10 px digit and ILM. Chosen by a measured sweep (README, "Teaching demo"): about 0.85 test
     * accuracy in 20 epochs, 15-20 s on 2 idle cores.
     */
    public static RunSpec demo(String target) {
        return defaults(target).withValue(ParameterRegistry.get("program.inner_size"), DEMO_INNER_SIZE)
                .with(Settings.EPOCHS, DEMO_EPOCHS).with(Settings.LR, 0.05)
                .with(Settings.SCHEDULE, LearningRateSchedule.COSINE);
    }

    /** A copy with SETTING set to VALUE. */
    public <T> RunSpec with(Setting<T> setting, T value) {
        return setting.with(this, value);
    }

    /** A copy with SETTING (an untyped lookup, e.g. {@code ParameterRegistry.get(id)}) set to VALUE. */
    @SuppressWarnings("unchecked")
    public <T> RunSpec withValue(Setting<?> setting, Object value) {
        Setting<T> s = (Setting<T>) setting;
        return s.with(this, s.parameter().type().javaType().cast(value));
    }

    public <T> T get(Setting<T> setting) {
        return setting.get(this);
    }

    public boolean isReprogramming() {
        return method == Method.REPROGRAM;
    }

    public boolean isBaseline() {
        return method.isBaseline();
    }

    /** The program's registered type. */
    public ProgramType programType() {
        return program.type();
    }

    /** The mapping's registered type. */
    public MappingType mappingType() {
        return mapping.type();
    }

    /** The problems of the values on their own ({@link ParameterRegistry#problems}). */
    public List<Problem> problems() {
        return ParameterRegistry.problems(this);
    }

    /** This spec, or a {@link ProblemException} with its {@link #problems()}. */
    public RunSpec requireValid() {
        List<Problem> p = problems();
        if (!p.isEmpty()) {
            throw new ProblemException(p);
        }
        return this;
    }

    public RunSpec withMethod(Method m) {
        return new RunSpec(m, source, data, program, mapping, trainer, optimization, seed, resources);
    }

    public RunSpec withSource(String s) {
        return new RunSpec(method, s, data, program, mapping, trainer, optimization, seed, resources);
    }

    public RunSpec withData(DataSpec d) {
        return new RunSpec(method, source, d, program, mapping, trainer, optimization, seed, resources);
    }

    public RunSpec withProgram(ProgramSpec p) {
        return new RunSpec(method, source, data, p, mapping, trainer, optimization, seed, resources);
    }

    public RunSpec withMapping(MappingSpec m) {
        return new RunSpec(method, source, data, program, m, trainer, optimization, seed, resources);
    }

    public RunSpec withTrainer(TrainerSpec t) {
        return new RunSpec(method, source, data, program, mapping, t, optimization, seed, resources);
    }

    public RunSpec withOptimization(OptimizationSpec o) {
        return new RunSpec(method, source, data, program, mapping, trainer, o, seed, resources);
    }

    public RunSpec withSeed(long s) {
        return new RunSpec(method, source, data, program, mapping, trainer, optimization, s, resources);
    }

    public RunSpec withResources(ResourceSpec r) {
        return new RunSpec(method, source, data, program, mapping, trainer, optimization, seed, r);
    }
}
