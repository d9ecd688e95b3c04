package org.reprogram.workbench.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import org.reprogram.workbench.core.spec.Settings;

/** Study specs: reading the YAML, every error with its line, and the expansion into trials (no training). */
class StudySpecTest {

    /** Lines 1-3 of most specs below: a grid on the sample digits. */
    private static final String HEAD = """
            method: grid
            base:
              data.target: sample-data/digits
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private StudySpec read(String yaml) throws IOException {
        return StudySpec.read(write(yaml));
    }

    /** Reads YAML expecting one error at LINE whose message holds every one of PARTS. */
    private String assertError(String yaml, int line, String... parts) throws IOException {
        Path f = write(yaml);
        UserInputException e = assertThrows(UserInputException.class, () -> StudySpec.read(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + ":" + line + ": "), "line " + line + " expected: " + m);
        for (String p : parts) {
            assertTrue(m.contains(p), "'" + p + "' expected in: " + m);
        }
        assertTrue(m.contains(". Fix: "), "a fix expected: " + m);
        return m;
    }

    @Test
    void theCommittedExampleReadsAndExpands() {
        StudySpec s = StudySpec.read(TestPaths.root().resolve("docs/studies/example.yaml"));
        assertEquals("digits-methods", s.name());
        assertTrue(s.description().startsWith("which program, mapping and learning rate win"), s.description());
        assertEquals(SearchMethod.GRID, s.method());
        assertEquals(new Metric("val_accuracy", Metric.Goal.MAXIMIZE), s.metric());
        assertEquals("sample-data/digits", s.base().data().target());
        assertEquals(20, s.base().get(Settings.EPOCHS));
        assertEquals(LearningRateSchedule.COSINE, s.base().get(Settings.SCHEDULE));
        assertEquals(List.of("program", "program.inner_size", "mapping", "optimization.lr"),
                s.parameters().stream().map(SweepParameter::id).toList());
        assertEquals(List.of(0L, 1L, 2L), s.seeds());
        assertEquals(List.of(Method.LINEAR_PROBE, Method.FINETUNE, Method.SCRATCH), s.baselines());
        assertEquals(new EarlyTerminate("hyperband", 2, 3), s.earlyTerminate());
        // pad: 2 inner sizes x 2 mappings x 2 lr = 8; full (no inner size): 2 x 2 = 4; 12 x 3 seeds + 3 baselines x 3 seeds
        List<Trial> trials = s.trials();
        assertEquals(12 * 3 + 3 * 3, trials.size());
        assertEquals(12, trials.stream().filter(t -> !t.isBaseline()).map(Trial::configurationKey).distinct().count());
        assertEquals(trials.size(), trials.stream().map(Trial::id).distinct().count());
    }

    @Test
    void gridIsTheProductInTheFilesOrderWithTheSeedsInside() throws IOException {
        StudySpec s = read(HEAD + """
                parameters:
                  optimization.lr:
                    values: [0.01, 0.05]
                  mapping:
                    values: [ilm, flm]
                seeds: [7, 3]
                """);
        List<Trial> t = s.trials();
        assertEquals(8, t.size());
        String[][] expected = {{"0.01", "ilm"}, {"0.01", "flm"}, {"0.05", "ilm"}, {"0.05", "flm"}};
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < 2; k++) {
                Trial trial = t.get(2 * c + k);
                assertEquals(Map.of("optimization.lr", expected[c][0], "mapping", expected[c][1]), trial.values());
                assertEquals(Double.parseDouble(expected[c][0]), trial.spec().get(Settings.LR));
                assertEquals(expected[c][1], trial.spec().mapping().id());
                assertEquals(k == 0 ? 7L : 3L, trial.seed());
                assertEquals(trial.seed(), trial.spec().get(Settings.SEED));
                assertEquals("sample-data/digits", trial.spec().data().target());
            }
            assertEquals(t.get(2 * c).configurationKey(), t.get(2 * c + 1).configurationKey(), "replicates share a key");
        }
        assertEquals(List.of("optimization.lr", "mapping"), List.copyOf(t.get(0).values().keySet()));
    }

    @Test
    void seedsAreACountOrAListAndDefaultToTheBasesSeed() throws IOException {
        String params = "parameters:\n  optimization.lr:\n    value: 0.02\n";
        assertEquals(List.of(0L, 1L, 2L, 3L), read(HEAD + params + "seeds: 4\n").seeds());
        assertEquals(List.of(42L, -1L), read(HEAD + params + "seeds: [42, -1]\n").seeds());
        assertEquals(List.of(9L), read(HEAD + "  seed: 9\n" + params).seeds());
        List<Trial> t = read(HEAD + params + "seeds: 4\n").trials();
        assertEquals(List.of(0L, 1L, 2L, 3L), t.stream().map(Trial::seed).toList());
        assertEquals(0.02, t.get(3).spec().get(Settings.LR));
    }

    @Test
    void settingsThatDoNotApplyCollapseIdenticalConfigurations() throws IOException {
        StudySpec s = read(HEAD + """
                parameters:
                  program:
                    values: [pad, full]
                  program.inner_size:
                    values: [10, 14]
                """);
        List<Trial> t = s.trials();
        assertEquals(3, t.size(), "pad x 10, pad x 14, full once");
        assertEquals(Map.of("program", "pad", "program.inner_size", "10"), t.get(0).values());
        assertEquals(Map.of("program", "pad", "program.inner_size", "14"), t.get(1).values());
        assertEquals(Map.of("program", "full"), t.get(2).values());
        assertEquals("full", t.get(2).spec().program().id());
        assertEquals(s.base().program().settings(), t.get(2).spec().program().settings(),
                "the inapplicable inner size keeps the base's value");
        assertEquals(3, t.stream().map(Trial::configurationKey).distinct().count());
    }

    @Test
    void baselinesRunPerSeedWithTheirMethodsDefaults() throws IOException {
        StudySpec s = read(HEAD + """
                  optimization.lr: 0.05
                  optimization.epochs: 7
                  data.shots: 16
                parameters:
                  mapping:
                    values: [ilm]
                seeds: [1, 2]
                baselines:
                  - linear-probe
                  - finetune
                """);
        List<Trial> t = s.trials();
        assertEquals(2 + 2 * 2, t.size());
        List<Trial> b = t.subList(2, 6);
        assertEquals(List.of(Method.LINEAR_PROBE, Method.LINEAR_PROBE, Method.FINETUNE, Method.FINETUNE),
                b.stream().map(x -> x.spec().method()).toList());
        assertEquals(List.of(1L, 2L, 1L, 2L), b.stream().map(Trial::seed).toList());
        for (Trial x : b) {
            Method m = x.spec().method();
            assertTrue(x.isBaseline());
            assertTrue(x.values().isEmpty());
            assertEquals(Settings.LR.defaultFor(m), x.spec().get(Settings.LR));
            assertEquals(Settings.EPOCHS.defaultFor(m), x.spec().get(Settings.EPOCHS));
            assertEquals(LearningRateSchedule.CONSTANT, x.spec().get(Settings.SCHEDULE));
            assertEquals(16, x.spec().data().shots(), "same splits as the swept runs");
            assertEquals("sample-data/digits", x.spec().data().target());
            assertEquals(s.base().source(), x.spec().source());
        }
        assertEquals(1000, b.get(0).spec().get(Settings.EPOCHS));
        assertEquals(0.001, b.get(2).spec().get(Settings.LR));
        assertEquals(b.get(0).configurationKey(), b.get(1).configurationKey());
        assertNotEquals(b.get(0).configurationKey(), b.get(2).configurationKey());
        assertEquals(0.05, t.get(0).spec().get(Settings.LR), "the swept runs keep the base's lr");
    }

    @Test
    void trialIdsAreStableAcrossParsesAndDifferBySeed() throws IOException {
        String yaml = HEAD + "parameters:\n  optimization.lr:\n    values: [0.01, 0.05]\nseeds: 2\nbaselines: [scratch]\n";
        List<String> first = read(yaml).trials().stream().map(Trial::id).toList();
        List<String> second = read(yaml).trials().stream().map(Trial::id).toList();
        assertEquals(first, second);
        assertEquals(6, new HashSet<>(first).size(), "every trial its own id");
        assertTrue(first.stream().allMatch(id -> id.matches("[0-9a-f]{12}")), first.toString());
        // the same configuration and seed in another file (other order, other seeds listed) is the same trial
        List<Trial> other = read(HEAD + "seeds: [1]\nparameters:\n  optimization.lr:\n    values: [0.05]\n").trials();
        assertEquals(first.get(3), other.get(0).id());
    }

    private static final String RANDOM = """
            method: random
            run_cap: 300
            base:
              data.target: sample-data/digits
            parameters:
              optimization.lr:
                distribution: log_uniform_values
                min: 0.0001
                max: 0.1
              optimization.weight_decay:
                distribution: uniform
                min: 0
                max: 0.01
              program.inner_size:
                distribution: int_uniform
                min: 6
                max: 12
              mapping:
                distribution: categorical
                values: [ilm, flm]
            """;

    @Test
    void randomDrawsAreDeterministicAndInRange() throws IOException {
        List<Trial> a = read(RANDOM).trials();
        List<Trial> b = read(RANDOM).trials();
        assertEquals(300, a.size());
        assertEquals(a, b, "the same seed draws the same configurations");
        assertNotEquals(a, read(RANDOM + "seed: 1\n").trials(), "another study seed draws others");
        int[] decades = new int[3];
        Set<Integer> sizes = new HashSet<>();
        Set<String> mappings = new HashSet<>();
        double wdMax = 0;
        for (Trial t : a) {
            double lr = t.spec().get(Settings.LR);
            assertTrue(lr >= 1e-4 && lr <= 0.1, "lr " + lr);
            decades[Math.min(2, (int) Math.floor(Math.log10(lr / 1e-4)))]++;
            double wd = t.spec().get(Settings.WEIGHT_DECAY);
            assertTrue(wd >= 0 && wd <= 0.01, "weight decay " + wd);
            wdMax = Math.max(wdMax, wd);
            int size = (Integer) ParameterRegistry.get("program.inner_size").get(t.spec());
            assertTrue(size >= 6 && size <= 12, "inner size " + size);
            sizes.add(size);
            mappings.add(t.spec().mapping().id());
        }
        // log-uniform: each decade of 1e-4..1e-1 gets about a third (100 of 300; a uniform draw would put
        // under 1 % below 1e-3)
        for (int d : decades) {
            assertTrue(d > 60 && d < 140, "draws per decade: " + Arrays.toString(decades));
        }
        assertEquals(Set.of(6, 7, 8, 9, 10, 11, 12), sizes, "int_uniform reaches both ends");
        assertEquals(Set.of("ilm", "flm"), mappings);
        assertTrue(wdMax > 0.008, "uniform spans its range: " + wdMax);
    }

    @Test
    void randomStudyOfAFewValuesStopsAtTheDistinctOnes() throws IOException {
        List<Trial> t = read("method: random\nrun_cap: 10\nbase:\n  data.target: x\nparameters:\n  mapping:\n"
                + "    values: [ilm, flm, random]\n").trials();
        assertEquals(3, t.size(), "only three distinct configurations exist");
    }

    @Test
    void baseFromARunFolder() throws IOException {
        RunSpec run = RunSpec.defaults("sample-data/digits").with(Settings.LR, 0.03).with(Settings.SEED, 5L);
        Path folder = Files.createDirectories(dir.resolve("runs/r1"));
        Files.writeString(folder.resolve("config.json"), Json.toJson(RunSpecJson.toJson(run)));
        StudySpec s = read("method: grid\nbase: runs/r1\nparameters:\n  mapping:\n    values: [flm]\n");
        assertEquals(run, s.base());
        assertEquals(List.of(5L), s.seeds());
        assertEquals(0.03, s.trials().get(0).spec().get(Settings.LR));
        assertNull(s.earlyTerminate());
        assertEquals(Metric.DEFAULT, s.metric());
    }

    @Test
    void unknownParameterIdNamesTheClosest() throws IOException {
        String m = assertError(HEAD + "parameters:\n  optimization.lrr:\n    values: [0.01]\n", 5,
                "unknown parameter 'optimization.lrr'", "use optimization.lr");
        assertTrue(m.contains("program.inner_size"), "every id listed: " + m);
        assertError(HEAD + "parameters:\n  lr:\n    values: [0.01]\n", 5, "unknown parameter 'lr'", "use optimization.lr");
        assertError(HEAD + "parameters:\n  seed:\n    values: [1]\n", 5, "seed is not swept", "seeds:");
    }

    @Test
    void badValuesGiveTheRegistrysMessage() throws IOException {
        assertError(HEAD + "parameters:\n  optimization.lr:\n    values:\n      - 0.01\n      - -1\n", 8,
                "learning rate (optimization.lr) must be", "-1");
        assertError(HEAD + "parameters:\n  program:\n    values: [pad, circle]\n", 6, "program must be pad, full, scale or smm", "circle");
        assertError(HEAD + "  optimization.epochs: 0\nparameters:\n  mapping:\n    value: ilm\n", 4,
                "epochs (optimization.epochs) must be at least 1");
        assertError(HEAD + "  optimization.lrate: 0.1\nparameters:\n  mapping:\n    value: ilm\n", 4,
                "unknown setting 'optimization.lrate' in base", "use optimization.lr");
    }

    @Test
    void unknownMethodDistributionAndEarlyTerminateType() throws IOException {
        assertError("name: x\nmethod: bayes\n", 2, "unknown method 'bayes'", "use grid or random");
        assertError("method: random\nrun_cap: 3\nbase:\n  data.target: x\nparameters:\n  optimization.lr:\n"
                + "    distribution: normal\n    min: 0.1\n    max: 1\n", 7, "unknown distribution 'normal'", "log_uniform_values");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nearly_terminate:\n  type: asha\n  min_iter: 1\n", 8,
                "unknown early_terminate type 'asha'", "hyperband");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nearly_terminate:\n  type: hyperband\n", 7,
                "needs min_iter");
    }

    @Test
    void rangeErrors() throws IOException {
        String random = "method: random\nrun_cap: 3\nbase:\n  data.target: x\nparameters:\n  optimization.lr:\n";
        assertError(random + "    distribution: uniform\n    min: 0.5\n    max: 0.1\n", 8,
                "min 0.5 is larger than max 0.1", "swap");
        assertError(random + "    distribution: int_uniform\n    min: 1\n    max: 3\n", 7,
                "takes real numbers, not int_uniform");
        assertError(random + "    distribution: uniform\n    min: 0.1\n", 6, "has no max");
        assertError(random + "    distribution: log_uniform_values\n    min: 0\n    max: 0.1\n", 8,
                "must be a positive number (got '0')");
        assertError(random.replace("optimization.lr", "optimization.weight_decay")
                + "    distribution: log_uniform_values\n    min: 0\n    max: 0.1\n", 8, "log_uniform_values needs min > 0");
        assertError(random + "    distribution: uniform\n    values: [0.1]\n", 8, "values does not go with distribution uniform");
        assertError(random.replace("optimization.lr", "mapping") + "    distribution: uniform\n    min: 1\n    max: 2\n", 6,
                "mapping is not a number");
        assertError(HEAD + "parameters:\n  optimization.lr:\n    values: [0.1]\n    max: 1\n", 7,
                "max belongs to a distribution over a range");
        assertError(HEAD + "parameters:\n  optimization.lr:\n    values: [0.1]\n    value: 0.2\n", 7,
                "has both values and value");
        assertError(HEAD + "parameters:\n  optimization.lr:\n    distribution: uniform\n    min: 0.1\n    max: 1\n", 6,
                "a grid cannot draw optimization.lr", "method: random");
        assertError("method: random\nbase:\n  data.target: x\nparameters:\n  mapping:\n    value: ilm\n", 1,
                "needs run_cap");
    }

    @Test
    void emptyValuesBaselinesAndSeeds() throws IOException {
        assertError(HEAD + "parameters:\n  mapping:\n    values: []\n", 6, "mapping values is empty");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nbaselines:\n  - finetune\n  - reprogram\n", 9,
                "'reprogram' is not a baseline", "linear-probe, finetune, scratch");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nseeds:\n  - 0\n  - one\n", 9,
                "a seed must be a whole number, not 'one'");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nseeds: 1.5\n", 7, "must be a whole number");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nseeds: [1, 1]\n", 7, "seed 1 is listed twice");
    }

    @Test
    void aSettingThatAppliesToNoSweptRunIsAnError() throws IOException {
        // decided: an error, not a warning: such a sweep only makes duplicates of one configuration
        assertError(HEAD + "  program: full\nparameters:\n  program.inner_size:\n    values: [10, 14]\n", 6,
                "'program.inner_size' applies to none of the study's runs", "pad");
        assertError(HEAD + "parameters:\n  program:\n    values: [full]\n  program.inner_size:\n    values: [10]\n", 7,
                "applies to none");
        assertError(HEAD + "parameters:\n  trainer.query_directions:\n    values: [5, 10]\n", 5, "applies to none",
                "blackbox");
        // sweeping the trainer too makes it apply
        assertEquals(3, read(HEAD + "parameters:\n  trainer:\n    values: [whitebox, blackbox]\n"
                + "  trainer.query_directions:\n    values: [5, 10]\n").trials().size());
    }

    @Test
    void fileLevelErrors() throws IOException {
        assertError("method: grid\nparameters:\n  mapping:\n    value: ilm\n", 1, "no target dataset", "data.target");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nsweep_name: y\n", 7, "unknown key 'sweep_name'");
        assertError(HEAD + "parameters: [a\n", 5, "is not valid YAML");
        assertError("method: grid\nbase: runs/none\nparameters:\n  mapping:\n    value: ilm\n", 2, "does not exist");
        assertError(HEAD + "metric:\n  name: test_accuracy\nparameters:\n  mapping:\n    value: ilm\n", 5,
                "unknown metric 'test_accuracy'", "chooses by validation");
        assertError(HEAD + "run_cap: 4\nparameters:\n  mapping:\n    value: ilm\n", 4, "run_cap limits a random study");
        assertError(HEAD + "metric:\n  name: val_loss\n  goal: maximize\nparameters:\n  mapping:\n    value: ilm\n", 6,
                "would prefer the worse runs", "goal: minimize");
        assertError(HEAD + "parameters:\n  mapping:\n    value: ilm\nearly_terminate:\n  type: hyperband\n  min_iter: 2\n"
                + "  max_iter: 9\n", 10,
                "unknown key 'max_iter' in early_terminate", "type, min_iter, eta");
        assertFalse(read(HEAD + "metric:\n  name: val_loss\nparameters:\n  mapping:\n    value: ilm\n").metric().maximize());
    }
}
