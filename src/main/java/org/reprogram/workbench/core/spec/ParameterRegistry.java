package org.reprogram.workbench.core.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ProblemException;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;

/**
 * Every setting of a run, each declared once: the core ones ({@link Settings}) with the settings of
 * every registered program and mapping right after the program and the mapping. The CLI's options
 * and help, the setup form's fields and messages, config.json, the compare table's columns and study
 * specs all come from here, by id ("optimization.lr") or option ("--lr").
 */
public final class ParameterRegistry {

    private static final List<Setting<?>> ALL = build();
    private static final Map<String, Setting<?>> BY_ID = index();

    private ParameterRegistry() {}

    private static List<Setting<?>> build() {
        List<Setting<?>> out = new ArrayList<>();
        for (Setting<?> s : Settings.core()) {
            out.add(s);
            if (s == Settings.PROGRAM) {
                Map<String, Parameter<?>> own = new LinkedHashMap<>();
                ProgramTypes.all().forEach(t -> t.parameters().forEach(p -> own.putIfAbsent(p.id(), p)));
                own.values().forEach(p -> out.add(programSetting(p)));
            }
            if (s == Settings.MAPPING) {
                Map<String, Parameter<?>> own = new LinkedHashMap<>();
                MappingTypes.all().forEach(t -> t.parameters().forEach(p -> own.putIfAbsent(p.id(), p)));
                own.values().forEach(p -> out.add(mappingSetting(p)));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Setting<?>> index() {
        Map<String, Setting<?>> m = new LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            if (m.put(s.id(), s) != null) {
                throw new IllegalStateException("two settings declared as '" + s.id() + "'");
            }
        }
        return m;
    }

    private static <T> Setting<T> programSetting(Parameter<T> p) {
        return Setting.bind(p, s -> s.program().settings().get(p),
                (s, v) -> s.withProgram(new ProgramSpec(s.program().id(), s.program().settings().with(p, v))))
                .when(s -> s.isReprogramming() && declares(ProgramTypes.find(s.program().id()), p)).build();
    }

    private static <T> Setting<T> mappingSetting(Parameter<T> p) {
        return Setting.bind(p, s -> s.mapping().settings().get(p),
                (s, v) -> s.withMapping(new MappingSpec(s.mapping().id(), s.mapping().settings().with(p, v))))
                .when(s -> s.isReprogramming() && declares(MappingTypes.find(s.mapping().id()), p)).build();
    }

    private static boolean declares(ProgramType t, Parameter<?> p) {
        return t != null && t.parameters().contains(p);
    }

    private static boolean declares(MappingType t, Parameter<?> p) {
        return t != null && t.parameters().contains(p);
    }

    /** Every setting, in the order of the help, the form and the compare table. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The settings that apply to SPEC (its method, program, mapping and trainer). */
    public static List<Setting<?>> applicable(RunSpec spec) {
        return ALL.stream().filter(s -> s.appliesTo(spec)).toList();
    }

    /** The setting with id ID, or null. */
    public static Setting<?> find(String id) {
        return BY_ID.get(id);
    }

    /** The setting with id ID; an {@link IllegalArgumentException} listing the ids when there is none. */
    public static Setting<?> get(String id) {
        Setting<?> s = find(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown setting '" + id + "' (known: " + String.join(", ", BY_ID.keySet())
                    + ")");
        }
        return s;
    }

    /** The setting whose CLI option is OPTION ("--lr"), or null. */
    public static Setting<?> byOption(String option) {
        return ALL.stream().filter(s -> s.parameter().option().equals(option)).findFirst().orElse(null);
    }

    /** The setting whose key (legacy config.json field, form control id) is KEY ("innerSize"), or null. */
    public static Setting<?> byKey(String key) {
        return ALL.stream().filter(s -> s.parameter().key().equals(key)).findFirst().orElse(null);
    }

    /** A run of METHOD with every setting at its default (the target still to be chosen). */
    public static RunSpec defaults(Method method) {
        RunSpec s = RunSpec.EMPTY.withMethod(method);
        for (Setting<?> setting : ALL) {
            s = withDefault(s, setting, method);
        }
        return s;
    }

    private static <T> RunSpec withDefault(RunSpec spec, Setting<T> s, Method method) {
        return s == Settings.METHOD ? spec : s.with(spec, s.defaultFor(method));
    }

    /** SPEC with the setting ID set from TEXT; a {@link ProblemException} for an unknown id or a bad value. */
    public static RunSpec withText(RunSpec spec, String id, String text) {
        Setting<?> s = find(id);
        if (s == null) {
            throw new ProblemException(new Problem(id, "unknown setting '" + id + "'", "use one of "
                    + String.join(", ", BY_ID.keySet())));
        }
        return s.withText(spec, text);
    }

    /**
     * The problems of SPEC's values on their own (ranges, choices, a target to choose), in registry
     * order; the settings that do not apply are not checked. See {@link #problemsWith} for the checks
     * that need the source model and the target's classes.
     */
    public static List<Problem> problems(RunSpec spec) {
        List<Problem> out = new ArrayList<>();
        if (spec.isReprogramming() && ProgramTypes.find(spec.program().id()) == null) {
            out.add(Problem.of(Settings.PROGRAM.parameter(), "{} '" + spec.program().id() + "' is unknown",
                    "use " + Settings.PROGRAM.parameter().type().allowed()));
        }
        if (spec.isReprogramming() && MappingTypes.find(spec.mapping().id()) == null) {
            out.add(Problem.of(Settings.MAPPING.parameter(), "{} '" + spec.mapping().id() + "' is unknown",
                    "use " + Settings.MAPPING.parameter().type().allowed()));
        }
        for (Setting<?> s : ALL) {
            if ((s == Settings.PROGRAM || s == Settings.MAPPING) || !s.appliesTo(spec)) {
                continue;
            }
            Problem p = s.check(spec);
            if (p != null) {
                out.add(s == Settings.TARGET ? Problem.of(s.parameter(), "choose a target dataset folder", null) : p);
            }
        }
        return out;
    }

    /**
     * The problems of SPEC's program and mapping with the source model CARD and a target of
     * TARGETCLASSES (a canvas the program cannot use, an inner size larger than it, too few source
     * classes for an exclusive mapping); none for baselines.
     */
    public static List<Problem> problemsWith(RunSpec spec, ModelCard card, List<String> targetClasses) {
        List<Problem> out = new ArrayList<>();
        if (!spec.isReprogramming() || card == null) {
            return out;
        }
        ProgramType program = ProgramTypes.find(spec.program().id());
        if (program != null) {
            out.addAll(program.problems(card, spec.program().settings()));
        }
        MappingType mapping = MappingTypes.find(spec.mapping().id());
        if (mapping != null && card.isVisionLanguage() && !mapping.readsText()) {
            out.add(new Problem("mapping", "{} '" + mapping.id() + "' maps a classifier's classes, but source model '"
                    + card.name() + "' is a vision-language model: its classes are made of text", "choose {} "
                    + org.reprogram.workbench.core.param.ValueType.orList(MappingTypes.all().stream()
                            .filter(MappingType::readsText).map(MappingType::id).toList())));
            return out;
        }
        if (mapping != null && targetClasses != null) {
            out.addAll(mapping.problems(new MappingContext(card, targetClasses, spec.mapping().settings(), spec.seed())));
        }
        return out;
    }

    /** PROBLEM in the CLI's words: the setting named with its option ("epochs (--epochs) must be at least 1. Fix: …"). */
    public static String inWords(Problem problem) {
        Setting<?> s = problem.parameterId() == null ? null : find(problem.parameterId());
        return s == null ? problem.text(problem.parameterId())
                : problem.text(s.parameter().cliSubject(), s.parameter().option());
    }

    /** PROBLEMS in the CLI's words, joined with "; ". */
    public static String inWords(List<Problem> problems) {
        return String.join("; ", problems.stream().map(ParameterRegistry::inWords).toList());
    }

    /**
     * The ids of the registered programs, or else mappings, that declare S's parameter among their own
     * settings ("pad", "scale"); empty for the settings every run has.
     */
    public static List<String> declaredBy(Setting<?> s) {
        List<String> programs = ProgramTypes.all().stream().filter(t -> declares(t, s.parameter())).map(ProgramType::id)
                .toList();
        return !programs.isEmpty() ? programs
                : MappingTypes.all().stream().filter(t -> declares(t, s.parameter())).map(MappingType::id).toList();
    }

    /**
     * S's help text for the CLI and the form, led by the programs or mappings that declare it
     * ("random and bar mappings: source classes per target class (BAR uses 6)").
     */
    public static String help(Setting<?> s) {
        List<String> ids = declaredBy(s);
        if (ids.isEmpty()) {
            return s.parameter().help();
        }
        boolean programs = ProgramTypes.all().stream().anyMatch(t -> declares(t, s.parameter()));
        String who = ids.size() == 1 ? ids.get(0)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
        return who + (programs ? " program" : " mapping") + (ids.size() == 1 ? "" : "s") + ": " + s.parameter().help();
    }

    /** The values of PARAMETERS in SETTINGS as text by id (help and cards). */
    public static Map<String, String> describe(List<Parameter<?>> parameters, ParameterValues settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Parameter<?> p : parameters) {
            m.put(p.id(), p.formatObject(settings.get(p)));
        }
        return m;
    }
}
