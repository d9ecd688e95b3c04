package org.reprogram.workbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;

/**
 * The settings that programs and mappings declare are in the parameter registry, once each, and
 * apply to exactly the runs whose program or mapping declares them (so the CLI, the form, the compare
 * table and config.json show them only there); their help names those programs or mappings.
 */
class RegistryParametersTest {

    private static final RunSpec RUN = RunSpec.defaults("target");

    @Test
    void everyDeclaredParameterIsRegisteredOnceAsThatParameter() {
        Map<String, Parameter<?>> declared = new LinkedHashMap<>();
        ProgramTypes.all().forEach(t -> t.parameters().forEach(p -> assertSame(declared.computeIfAbsent(p.id(), k -> p),
                p, "'" + p.id() + "' declared twice with different declarations (" + t.id() + ")")));
        MappingTypes.all().forEach(t -> t.parameters().forEach(p -> assertSame(declared.computeIfAbsent(p.id(), k -> p),
                p, "'" + p.id() + "' declared twice with different declarations (" + t.id() + ")")));
        assertFalse(declared.isEmpty());
        for (Parameter<?> p : declared.values()) {
            Setting<?> s = ParameterRegistry.find(p.id());
            assertNotNull(s, p.id() + " is not in the registry");
            assertSame(p, s.parameter());
            assertFalse(Settings.core().stream().anyMatch(c -> c.id().equals(p.id())), p.id() + " is also a core setting");
        }
        assertTrue(declared.keySet().containsAll(List.of("program.inner_size", "program.frame", "program.init_scale",
                "mapping.sources_per_class")), declared.keySet().toString());
    }

    @Test
    void programSettingsApplyExactlyToTheProgramsThatDeclareThem() {
        checkAppliesTo(ProgramTypes.all(), ProgramType::id, ProgramType::parameters, Settings.PROGRAM);
    }

    @Test
    void mappingSettingsApplyExactlyToTheMappingsThatDeclareThem() {
        checkAppliesTo(MappingTypes.all(), MappingType::id, MappingType::parameters, Settings.MAPPING);
    }

    private static <T> void checkAppliesTo(List<T> types, Function<T, String> id, Function<T, List<Parameter<?>>> own,
            Setting<String> choice) {
        for (T owner : types) {
            for (Parameter<?> p : own.apply(owner)) {
                Setting<?> s = ParameterRegistry.get(p.id());
                List<String> declaring = types.stream().filter(t -> own.apply(t).contains(p)).map(id).toList();
                assertEquals(declaring, ParameterRegistry.declaredBy(s), p.id());
                for (T t : types) {
                    RunSpec run = RUN.with(choice, id.apply(t));
                    assertEquals(declaring.contains(id.apply(t)), s.appliesTo(run), p.id() + " with " + id.apply(t));
                    assertEquals(s.appliesTo(run), ParameterRegistry.applicable(run).contains(s));
                    assertEquals(s.appliesTo(run), !Setting.NOT_APPLICABLE.equals(s.format(run)), p.id());
                }
                for (Method m : Method.values()) {
                    if (m.isBaseline()) {
                        assertFalse(s.appliesTo(RunSpec.baseline(m, "target")), p.id() + " for " + m);
                    }
                }
            }
        }
    }

    @Test
    void theHelpOfADeclaredSettingNamesWhoDeclaresIt() {
        assertEquals("random and bar mappings: source classes per target class (BAR uses 6)",
                ParameterRegistry.help(ParameterRegistry.get("mapping.sources_per_class")));
        assertTrue(ParameterRegistry.help(ParameterRegistry.get("program.init_scale")).startsWith("scale program: "));
        assertTrue(ParameterRegistry.help(ParameterRegistry.get("program.frame")).startsWith("pad and scale programs: "));
        assertEquals(Settings.LR.parameter().help(), ParameterRegistry.help(Settings.LR), "core settings as declared");
        assertEquals(List.of(), ParameterRegistry.declaredBy(Settings.LR));
    }
}
