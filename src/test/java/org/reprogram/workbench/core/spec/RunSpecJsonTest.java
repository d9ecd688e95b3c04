package org.reprogram.workbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;

/**
 * config.json from the registry: every setting of every method round-trips by its id, settings that
 * do not apply are not written, files of the version before the registry read back with their enum
 * names, and bad files name the setting and the file.
 */
class RunSpecJsonTest {

    private static final Path FILE = Path.of("runs", "r1", "config.json");

    /** A spec of every program x mapping x trainer and every baseline, each with non-default values. */
    private static List<RunSpec> specs() {
        List<RunSpec> out = new ArrayList<>();
        for (ProgramType p : ProgramTypes.all()) {
            for (MappingType m : MappingTypes.all()) {
                for (TrainerKind t : TrainerKind.values()) {
                    RunSpec s = RunSpec.defaults("data/t").with(Settings.PROGRAM, p.id()).with(Settings.MAPPING, m.id())
                            .with(Settings.TRAINER, t).with(Settings.LR, 0.037).with(Settings.SEED, -7L)
                            .with(Settings.SHOTS, 16).with(Settings.LOSS, LossKind.FOCAL)
                            .with(Settings.SCHEDULE, LearningRateSchedule.COSINE).with(Settings.QUERY_DIRECTIONS, 3);
                    for (Setting<?> own : ParameterRegistry.applicable(s)) {
                        if (own.id().startsWith("program.") || own.id().startsWith("mapping.")) {
                            s = changed(s, own);
                        }
                    }
                    out.add(s);
                }
            }
        }
        for (Method b : Method.values()) {
            if (b.isBaseline()) {
                out.add(RunSpec.baseline(b, "data/t").with(Settings.EPOCHS, 3).with(Settings.SKIP_BAD_IMAGES, true));
            }
        }
        return out;
    }

    /** S with OWN set to a valid value other than its default. */
    private static <T> RunSpec changed(RunSpec s, Setting<T> own) {
        List<String> choices = own.parameter().type().choices();
        String text = choices.isEmpty() ? own.id().endsWith("init_scale") ? "0.5"
                : own.id().endsWith(".template") ? "a sketch of a {}." : "2"
                : choices.stream().filter(c -> !c.equals(own.parameter().format(own.get(s)))).findFirst().orElseThrow();
        return own.withText(s, text);
    }

    /** S's value of SETTING as text, whether it applies or not. */
    private static <T> String raw(Setting<T> setting, RunSpec s) {
        return setting.parameter().format(setting.get(s));
    }

    @Test
    void everySpecRoundTripsByRegistryId() {
        for (RunSpec s : specs()) {
            JsonObject o = RunSpecJson.toJson(s);
            assertEquals(RunSpecJson.FORMAT, o.get("format").getAsInt());
            for (Setting<?> setting : ParameterRegistry.all()) {
                if (setting != Settings.METHOD) {
                    assertEquals(setting.appliesTo(s), o.has(setting.id()), setting.id() + " of " + o);
                }
            }
            o.addProperty("method", s.method().id());
            RunSpec back = RunSpecJson.fromJson(JsonParser.parseString(o.toString()).getAsJsonObject(), FILE);
            for (Setting<?> setting : ParameterRegistry.applicable(s)) {
                assertEquals(setting.format(s), setting.format(back), setting.id());
            }
        }
    }

    @Test
    void aFileOfTheVersionBeforeTheRegistryReadsWithItsEnumNames() {
        String legacy = "{\"method\": \"reprogram\", \"source\": \"builtin\", \"target\": \"t\", \"program\": \"SCALE\","
                + " \"innerSize\": 12, \"mapping\": \"BLM_PLUS\", \"sourcesPerClass\": 1, \"trainer\": \"blackbox\","
                + " \"epochs\": 4, \"batchSize\": 16, \"lr\": 0.05, \"schedule\": \"COSINE\", \"weightDecay\": 0.0,"
                + " \"seed\": 3, \"shots\": 8, \"valFraction\": 0.2, \"device\": \"cpu\", \"queryDirections\": 4,"
                + " \"smoothing\": 0.1, \"frame\": \"SIGMOID\", \"initScale\": 0.0, \"loss\": \"focal\"}";
        RunSpec s = RunSpecJson.fromJson(JsonParser.parseString(legacy).getAsJsonObject(), FILE);
        assertEquals("scale", s.program().id());
        assertEquals("blm+", s.mapping().id());
        assertEquals("12", ParameterRegistry.get("program.inner_size").format(s));
        assertEquals("sigmoid", ParameterRegistry.get("program.frame").format(s));
        assertEquals("1.5", ParameterRegistry.get("program.init_scale").format(s), "0 stood for the default");
        assertEquals(TrainerKind.BLACKBOX, s.trainer().kind());
        assertEquals(4, s.trainer().queryDirections());
        assertEquals(LearningRateSchedule.COSINE, s.optimization().schedule());
        assertEquals(LossKind.FOCAL, s.optimization().loss());
        assertEquals(0.2, s.data().valFraction());

        String baseline = "{\"method\": \"finetune\", \"kind\": \"finetune\", \"source\": \"builtin\", \"target\": \"t\","
                + " \"epochs\": 2, \"batchSize\": 16, \"lr\": 0.001, \"seed\": 1, \"shots\": 8, \"valFraction\": 0.2,"
                + " \"device\": \"cpu\"}";
        RunSpec b = RunSpecJson.fromJson(JsonParser.parseString(baseline).getAsJsonObject(), FILE);
        assertEquals(Method.FINETUNE, b.method());
        assertEquals(LearningRateSchedule.CONSTANT, b.optimization().schedule(), "baselines trained at a constant rate");
    }

    @Test
    void badFilesNameTheSettingAndTheFile() {
        JsonObject o = RunSpecJson.toJson(RunSpec.defaults("t"));
        o.addProperty("optimization.lr", -1);
        UserInputException e = assertThrows(UserInputException.class, () -> RunSpecJson.fromJson(o, FILE));
        assertTrue(e.getMessage().contains(FILE.toString()) && e.getMessage().contains("\"optimization.lr\": -1")
                && e.getMessage().contains("learning rate must be a positive number"), e.getMessage());

        JsonObject unknown = RunSpecJson.toJson(RunSpec.defaults("t"));
        unknown.addProperty("optimization.momentum", 0.9);
        e = assertThrows(UserInputException.class, () -> RunSpecJson.fromJson(unknown, FILE));
        assertTrue(e.getMessage().contains("unknown setting \"optimization.momentum\""), e.getMessage());

        JsonObject method = RunSpecJson.toJson(RunSpec.defaults("t"));
        method.addProperty("method", "distill");
        e = assertThrows(UserInputException.class, () -> RunSpecJson.fromJson(method, FILE));
        assertTrue(e.getMessage().contains("'distill'") && e.getMessage().contains("linear-probe"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aStudyCanSetAnySettingByIdAndBadValuesAreProblemsOfThatSetting() {
        RunSpec s = RunSpec.defaults("t");
        for (Setting<?> setting : ParameterRegistry.all()) {
            if (setting == Settings.METHOD) {
                continue;
            }
            String text = raw(setting, s);
            assertEquals(text, raw(setting, ParameterRegistry.withText(s, setting.id(), text)), setting.id());
        }
        var p = assertThrows(org.reprogram.workbench.core.param.ProblemException.class,
                () -> ParameterRegistry.withText(s, "optimization.epochs", "zero"));
        assertEquals("optimization.epochs", p.problems().get(0).parameterId());
        p = assertThrows(org.reprogram.workbench.core.param.ProblemException.class,
                () -> ParameterRegistry.withText(s, "optimisation.lr", "0.1"));
        assertTrue(p.problems().get(0).fix().contains("optimization.lr"), p.problems().get(0).fix());
    }
}
