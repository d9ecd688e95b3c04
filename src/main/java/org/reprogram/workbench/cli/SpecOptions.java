package org.reprogram.workbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ProblemException;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The run settings as command-line options, made from the parameter registry with picocli's
 * programmatic API: one option per setting ({@code --lr}), its help and default from the
 * declaration, its value read and checked by the declaration ({@link Parameter#parse}). A command
 * adds them in its model transformer and reads the run specification back after parsing.
 */
final class SpecOptions {

    private SpecOptions() {}

    /**
     * Adds to COMMAND an option for every setting that applies to a run of one of METHODS (except
     * the method itself and those LEAVE names), with the default of each method in its help.
     */
    static CommandSpec add(CommandSpec command, List<Method> methods, Predicate<Setting<?>> leave) {
        return add(command, settings(methods, leave), methods);
    }

    /** Adds to COMMAND an option for each of SETTINGS, with the default of each of METHODS in its help. */
    static CommandSpec add(CommandSpec command, List<Setting<?>> settings, List<Method> methods) {
        for (Setting<?> s : settings) {
            Parameter<?> p = s.parameter();
            boolean flag = p.type().javaType() == Boolean.class;
            OptionSpec.Builder o = OptionSpec.builder(p.option()).description(describe(s, methods))
                    .paramLabel(flag ? "" : p.key().replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT));
            if (flag) {
                o.type(boolean.class).arity("0");
            } else {
                o.type(String.class);
            }
            if (s == Settings.TARGET) {
                o.required(true);
            }
            command.addOption(o.build());
        }
        return command;
    }

    /** The settings that apply to some run of METHODS, in registry order. */
    private static List<Setting<?>> settings(List<Method> methods, Predicate<Setting<?>> leave) {
        Set<Setting<?>> out = new LinkedHashSet<>();
        for (Setting<?> s : ParameterRegistry.all()) {
            if (s == Settings.METHOD || leave.test(s)) {
                continue;
            }
            for (Method m : methods) {
                if (appliesToSome(s, m)) {
                    out.add(s);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether S applies to some run of METHOD (whatever its program, mapping and trainer). */
    private static boolean appliesToSome(Setting<?> s, Method m) {
        RunSpec base = ParameterRegistry.defaults(m);
        if (s.appliesTo(base) || !m.equals(Method.REPROGRAM)) {
            return s.appliesTo(base);
        }
        for (String program : Settings.PROGRAM.parameter().type().choices()) {
            for (String mapping : Settings.MAPPING.parameter().type().choices()) {
                RunSpec r = base.with(Settings.PROGRAM, program).with(Settings.MAPPING, mapping);
                if (s.appliesTo(r) || s.appliesTo(r.with(Settings.TRAINER,
                        org.reprogram.workbench.core.spec.TrainerKind.BLACKBOX))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Setting<?> s, List<Method> methods) {
        StringBuilder d = new StringBuilder(ParameterRegistry.help(s));
        List<String> defaults = new ArrayList<>();
        Object first = s.defaultFor(methods.get(0));
        for (Method m : methods) {
            if (!appliesToSome(s, m)) {
                continue;
            }
            Object v = s.defaultFor(m);
            if (methods.size() > 1 && !v.equals(first) || defaults.isEmpty()) {
                String text = s.parameter().formatObject(v);
                if (!text.isEmpty() && s.parameter().type().javaType() != Boolean.class) {
                    defaults.add(defaults.isEmpty() ? text : m.id() + ": " + text);
                }
            }
        }
        if (!defaults.isEmpty()) {
            d.append(" (default: ").append(String.join("; ", defaults)).append(')');
        }
        return d.toString().replace("%", "%%");
    }

    /**
     * The run specification COMMAND's options give for a run of METHOD: the defaults, then each option
     * the user gave; a value that cannot be read or is out of range is a {@link UserInputException}
     * naming the option. NOTES gets one line per given option that does not apply to the run.
     */
    static RunSpec read(CommandSpec command, Method method, List<String> notes) {
        List<Setting<?>> given = new ArrayList<>();
        RunSpec spec = read(command, ParameterRegistry.defaults(method), ParameterRegistry.all(), given);
        for (Setting<?> s : given) {
            if (!s.appliesTo(spec)) {
                notes.add("note: " + s.parameter().option() + " does not apply to " + what(spec) + "; it is ignored");
            }
        }
        return spec;
    }

    /**
     * SPEC with the value of each of SETTINGS whose option the user gave on COMMAND (GIVEN gets those
     * settings); a value that cannot be read or is out of range is a {@link UserInputException}.
     */
    static RunSpec read(CommandSpec command, RunSpec spec, List<Setting<?>> settings, List<Setting<?>> given) {
        for (Setting<?> s : settings) {
            if (s == Settings.METHOD || !given(command, s)) {
                continue;
            }
            Object value = command.findOption(s.parameter().option()).getValue(); // an Object: not valueOf(char[])
            String text = String.valueOf(value);
            if (s == Settings.TARGET) {
                text = AppPaths.orShipped(text);
            }
            try {
                spec = s.withText(spec, text);
            } catch (ProblemException e) {
                throw new UserInputException(ParameterRegistry.inWords(e.problems().get(0)));
            }
            given.add(s);
        }
        return spec;
    }

    /** Whether the user gave S's option on COMMAND. */
    static boolean given(CommandSpec command, Setting<?> s) {
        OptionSpec o = command.findOption(s.parameter().option());
        return o != null && !o.originalStringValues().isEmpty();
    }

    private static String what(RunSpec spec) {
        if (spec.isBaseline()) {
            return spec.method().id();
        }
        return "program " + spec.program().id() + ", mapping " + spec.mapping().id() + " and the "
                + spec.trainer().kind().id() + " trainer";
    }
}
