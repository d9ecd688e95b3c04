package org.reprogram.workbench.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.TestSpecs;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.program.ScaleProgram;

/**
 * The behaviour the flat TrainConfig / BaselineConfig and the ProgramKind / MappingKind enums had,
 * checked on their replacements: the defaults, the problems of bad values (by setting id, worded for
 * the CLI), unknown ids listing the known ones, and what a program or mapping cannot do with a given
 * source model and target.
 */
class RunSpecTest {

    private static ModelCard card(int side, int classes) {
        return new ModelCard("m" + classes, new int[] {3, side, side},
                IntStream.range(0, classes).mapToObj(i -> "s" + i).toList(), null, null, "", null);
    }

    private static List<String> classes(int n) {
        return IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
    }

    /** The CLI's wording of P ("epochs (--epochs) must be at least 1"). */
    private static String cli(Problem p) {
        return p.text(ParameterRegistry.get(p.parameterId()).parameter().cliSubject());
    }

    @Test
    void theDefaultsAreThoseOfTheOldConfigs() {
        RunSpec s = RunSpec.defaults("digits");
        assertEquals(Method.REPROGRAM, s.method());
        assertEquals("builtin", s.source());
        assertEquals(new DataSpec("digits", 0, 0.1, false), s.data());
        assertEquals("pad", s.program().id());
        assertEquals(0, (int) s.program().settings().get(FrameSettings.INNER_SIZE));
        assertEquals(FrameActivation.TANH, s.program().settings().get(FrameSettings.FRAME));
        assertEquals(1.5, (double) s.program().settings().get(ScaleProgram.INIT_SCALE));
        assertEquals("ilm", s.mapping().id());
        assertEquals(new TrainerSpec(TrainerKind.WHITEBOX, 10, 0.05), s.trainer());
        assertEquals(new OptimizationSpec(10, 64, 0.01, LearningRateSchedule.STEP, 0, LossKind.CE), s.optimization());
        assertEquals(0, s.seed());
        assertEquals("auto", s.resources().device());
        assertEquals(List.of(), s.problems());

        RunSpec demo = RunSpec.demo("digits");
        assertEquals(RunSpec.DEMO_INNER_SIZE, (int) demo.program().settings().get(FrameSettings.INNER_SIZE));
        assertEquals(RunSpec.DEMO_EPOCHS, demo.optimization().epochs());
        assertEquals(LearningRateSchedule.COSINE, demo.optimization().schedule());

        RunSpec probe = RunSpec.baseline(Method.LINEAR_PROBE, "digits");
        assertEquals(1000, probe.optimization().epochs(), "the linear probe's iteration cap");
        assertEquals(0.01, probe.optimization().lr());
        RunSpec finetune = RunSpec.baseline(Method.FINETUNE, "digits");
        assertEquals(10, finetune.optimization().epochs());
        assertEquals(0.001, finetune.optimization().lr());
        assertEquals(LearningRateSchedule.CONSTANT, finetune.optimization().schedule());
        assertEquals(0.001, RunSpec.baseline(Method.SCRATCH, "digits").optimization().lr());
    }

    @Test
    void badValuesAreProblemsOfTheirSettingWordedForTheCommandLine() {
        List<Problem> none = RunSpec.defaults("").problems();
        assertEquals(1, none.size(), none.toString());
        assertEquals(Settings.TARGET.id(), none.get(0).parameterId());
        assertTrue(cli(none.get(0)).contains("choose a target dataset folder"), cli(none.get(0)));

        RunSpec bad = RunSpec.defaults("digits").with(Settings.EPOCHS, 0).with(Settings.BATCH_SIZE, 0)
                .with(Settings.LR, -1.0).with(Settings.SHOTS, -1).with(Settings.VAL_FRACTION, 0.95)
                .with(Settings.DEVICE, "tpu").with(Settings.QUERY_DIRECTIONS, 0).with(Settings.SMOOTHING, 0.0);
        List<String> ids = bad.problems().stream().map(Problem::parameterId).toList();
        assertTrue(ids.containsAll(Set.of("optimization.epochs", "optimization.batch_size", "optimization.lr",
                "data.shots", "data.val_fraction", "resources.device")), ids.toString());
        assertEquals(Set.copyOf(ids).size(), ids.size(), "one problem per bad value: " + ids);
        Problem epochs = bad.problems().stream().filter(p -> p.parameterId().equals("optimization.epochs"))
                .findFirst().orElseThrow();
        assertTrue(cli(epochs).startsWith("epochs (--epochs)") && cli(epochs).contains("must be at least 1"),
                cli(epochs));

        List<Problem> blackBox = bad.with(Settings.TRAINER, TrainerKind.BLACKBOX).problems();
        assertTrue(blackBox.stream().anyMatch(p -> p.parameterId().equals(Settings.QUERY_DIRECTIONS.id())
                && cli(p).contains("must be at least 1")), blackBox.toString());
        assertTrue(blackBox.stream().anyMatch(p -> p.parameterId().equals(Settings.SMOOTHING.id())),
                blackBox.toString());

        RunSpec scale = TestSpecs.programAndMapping(RunSpec.defaults("digits"), "scale", 0, "ilm")
                .withValue(ParameterRegistry.get("program.init_scale"), 9.0);
        assertEquals(List.of("program.init_scale"), scale.problems().stream().map(Problem::parameterId).toList());
        RunSpec pad = scale.with(Settings.PROGRAM, "pad");
        assertEquals(List.of(), pad.problems(), "pad has no initial scale: the leftover value is not checked");
    }

    @Test
    void unknownIdsAreRefusedListingTheKnownOnes() {
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> ProgramTypes.get("magic"));
        assertTrue(p.getMessage().contains("'magic'") && p.getMessage().contains("pad, full, scale or smm"),
                p.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> MappingTypes.get("best"));
        for (String id : List.of("random", "flm", "ilm", "linear", "blm", "blm+", "bar")) {
            assertTrue(m.getMessage().contains(id), m.getMessage());
        }
        assertEquals("blm+", MappingTypes.get("BLM+").id(), "ids ignore case");
        List<Problem> unknown = RunSpec.defaults("digits").with(Settings.MAPPING, "best").problems();
        assertEquals(List.of("mapping"), unknown.stream().map(Problem::parameterId).toList());
        assertTrue(cli(unknown.get(0)).contains("blm+"), cli(unknown.get(0)));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Method.parseBaseline("probe"));
        assertTrue(b.getMessage().contains("linear-probe, finetune, scratch"), b.getMessage());
        assertEquals(Method.SCRATCH, Method.parseBaseline("scratch"));
    }

    @Test
    void blmPlusNeedsKSourceClasses() {
        RunSpec blmPlus = RunSpec.defaults("t").with(Settings.MAPPING, "blm+");
        // 20 target classes: k = floor(0.15 * 20) = 3 > 2 source classes
        List<Problem> p = ParameterRegistry.problemsWith(blmPlus, card(32, 2), classes(20));
        assertEquals(1, p.size(), p.toString());
        assertEquals("mapping", p.get(0).parameterId());
        assertTrue(p.get(0).text(null).contains("k = 3"), p.get(0).text(null));
        assertEquals(List.of(), ParameterRegistry.problemsWith(blmPlus, card(32, 3), classes(20)));
        assertEquals(List.of(), ParameterRegistry.problemsWith(blmPlus, card(32, 1), classes(5)), "k is at least 1");
        assertEquals(List.of(), ParameterRegistry.problemsWith(blmPlus.with(Settings.MAPPING, "blm"), card(32, 2),
                classes(20)), "blm reads every source class");
    }

    @Test
    void oneToOneMappingsRefuseTooFewSourceClasses() {
        for (String id : List.of("random", "flm", "ilm", "bar")) {
            RunSpec s = RunSpec.defaults("t").with(Settings.MAPPING, id);
            List<Problem> p = ParameterRegistry.problemsWith(s, card(32, 5), classes(10));
            assertEquals(1, p.size(), id + ": " + p);
            assertEquals("mapping", p.get(0).parameterId());
            assertTrue(p.get(0).text(null).contains("10 classes") && p.get(0).fix().contains("linear"),
                    p.get(0).text(null));
            assertEquals(List.of(), ParameterRegistry.problemsWith(s, card(32, 10), classes(10)), id);
        }
        RunSpec bar = TestSpecs.sourcesPerClass(RunSpec.defaults("t").with(Settings.MAPPING, "bar"), 2);
        assertEquals(1, ParameterRegistry.problemsWith(bar, card(32, 10), classes(10)).size(), "2 x 10 > 10");
        assertEquals(List.of(), ParameterRegistry.problemsWith(bar, card(32, 20), classes(10)), "2 x 10 = 20 fit");
        assertEquals(List.of(), ParameterRegistry.problemsWith(RunSpec.defaults("t").with(Settings.MAPPING, "linear"),
                card(32, 2), classes(10)), "the linear mapping reads every source class");
    }

    @Test
    void smmRefusesACanvasNotDivisibleByEight() {
        RunSpec smm = RunSpec.defaults("t").with(Settings.PROGRAM, "smm");
        List<Problem> p = ParameterRegistry.problemsWith(smm, card(28, 10), classes(10));
        assertEquals(1, p.size(), p.toString());
        assertEquals("program", p.get(0).parameterId());
        assertTrue(p.get(0).text(null).contains("divisible by 8") && p.get(0).text(null).contains("28x28"),
                p.get(0).text(null));
        assertEquals(List.of(), ParameterRegistry.problemsWith(smm, card(32, 10), classes(10)));
        assertEquals(List.of(), ParameterRegistry.problemsWith(smm.with(Settings.PROGRAM, "pad"), card(28, 10),
                classes(10)), "pad works on any canvas");
    }
}
