package org.reprogram.workbench.ui.setup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.ui.common.Fields;

/**
 * The text of each field of the setup form by its setting's id, starting at the registry's
 * defaults, and the run they make: each text parsed through its setting's parameter, in registry
 * order (a program's settings after the program, so that what applies is known).
 */
final class SettingTexts {

    private final Map<String, StringProperty> texts = new LinkedHashMap<>();

    SettingTexts() {
        RunSpec defaults = ParameterRegistry.defaults(Method.REPROGRAM);
        for (Setting<?> s : SetupSettings.shown()) {
            texts.put(s.id(), new SimpleStringProperty(Fields.showObject(s, s.get(defaults))));
        }
    }

    StringProperty field(String id) {
        StringProperty p = texts.get(id);
        if (p == null) {
            throw new IllegalArgumentException("the setup form has no field for the setting '" + id + "'");
        }
        return p;
    }

    Collection<StringProperty> all() {
        return texts.values();
    }

    /** The texts of the choices (program, mapping, trainer, …): what applies depends on them. */
    Observable[] choices() {
        return SetupSettings.shown().stream().filter(s -> !s.parameter().type().choices().isEmpty())
                .map(s -> texts.get(s.id())).toArray(Observable[]::new);
    }

    /** Fills every text from SPEC. */
    void apply(RunSpec spec) {
        for (Setting<?> s : SetupSettings.shown()) {
            texts.get(s.id()).set(Fields.showObject(s, s.get(spec)));
        }
    }

    /** The registry's defaults with the chosen program, mapping, trainer and other choices: what applies. */
    RunSpec chosen() {
        RunSpec spec = ParameterRegistry.defaults(Method.REPROGRAM);
        for (Setting<?> s : SetupSettings.shown()) {
            Object v = s.parameter().type().choices().isEmpty() ? null : Fields.lenient(s.parameter(), texts.get(s.id()).get());
            if (v != null) {
                spec = spec.withValue(s, v);
            }
        }
        return spec;
    }

    /**
     * START with the value of every text, each field's problem of reading it in F. Texts the chosen
     * method does not use are read leniently: a leftover value passes on only when it is valid (and
     * every program that uses it would take it on CARD), else the registry's default does; it never
     * blocks Start.
     */
    RunSpec read(Fields f, RunSpec start, ModelCard card) {
        RunSpec spec = start;
        for (Setting<?> s : SetupSettings.shown()) {
            spec = read(f, spec, s, card);
        }
        return spec;
    }

    private <T> RunSpec read(Fields f, RunSpec spec, Setting<T> s, ModelCard card) {
        String text = texts.get(s.id()).get();
        if (s.appliesTo(spec)) {
            T v = f.parse(s.parameter(), text);
            return v == null ? spec : s.with(spec, v);
        }
        T v = Fields.lenient(s.parameter(), text);
        return v != null && takenByPrograms(s, s.with(spec, v), card) ? s.with(spec, v) : spec;
    }

    /** Whether every program that declares S would take SPEC's value of it on CARD. */
    private static boolean takenByPrograms(Setting<?> s, RunSpec spec, ModelCard card) {
        return card == null || ProgramTypes.all().stream().filter(t -> t.parameters().contains(s.parameter()))
                .flatMap(t -> t.problems(card, spec.program().settings()).stream())
                .noneMatch(p -> s.id().equals(p.parameterId()));
    }
}
