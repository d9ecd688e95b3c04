package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.mapping.MappingSettings;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.mapping.ServiceOnlyMapping;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.NamedArray;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.program.InputProgram;
import org.reprogram.workbench.core.program.MaskedDeltaProgram;
import org.reprogram.workbench.core.program.ProgramSetup;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.program.ServiceOnlyProgram;

/**
 * Every built-in program and mapping states its own plain-array form: a formula that the PyTorch
 * reference (docs/python/predict_bundle.py) applied to make the committed bundle fixtures, arrays that
 * give the same output as the program or mapping itself, and, for a method without such a form, a
 * stated refusal instead of a formula that is not its own.
 */
class InteropFormsTest {

    private static final ModelCard CARD = new ModelCard("m", new int[] {3, 16, 16},
            List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"), new float[] {0.5f, 0.4f, 0.3f},
            new float[] {0.2f, 0.25f, 0.3f}, null, null);
    private static final List<String> TARGET = List.of("x", "y", "z");

    /** The formulas in the bundles whose expected predictions the Python reference made. */
    private static Set<String> pythonFormulas(String side) throws Exception {
        Set<String> out = new TreeSet<>();
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(TestPaths.fixtures().resolve("bundle"), "*.zip")) {
            for (Path zip : zips) {
                try (ZipFile z = new ZipFile(zip.toFile())) {
                    JsonObject m = JsonParser.parseString(new String(z.getInputStream(z.getEntry("bundle.json"))
                            .readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
                    out.add(m.getAsJsonObject("interop").get(side).getAsString());
                }
            }
        }
        return out;
    }

    private static InputProgram program(ProgramType t, NDManager manager) {
        ParameterValues settings = ParameterValues.empty();
        return t.create(new ProgramSetup(t.placement(CARD, settings), CARD.mean(), CARD.std(), settings, 3), manager);
    }

    private static LabelMapping mapping(MappingType t, NDManager manager) {
        ParameterValues settings = t.parameters().contains(MappingSettings.SOURCES_PER_CLASS)
                ? ParameterValues.empty().with(MappingSettings.SOURCES_PER_CLASS, 2) : ParameterValues.empty();
        // a text mapping's source classes are prompts: four descriptions per target class (12, as CARD's classes)
        LabelMapping m = t.create(new MappingContext(CARD, TARGET, settings, 3, t.readsText()
                ? PromptSet.descriptions(TARGET, TARGET.stream().map(n -> List.of(n + " 1", n + " 2", n + " 3",
                        n + " 4")).toList()) : null), manager);
        Random rnd = new Random(1);
        double[][] f = new double[CARD.numClasses()][TARGET.size()];
        for (double[] row : f) {
            for (int j = 0; j < row.length; j++) {
                row[j] = rnd.nextInt(20);
            }
        }
        m.update(f); // away from the initial placeholder
        return m;
    }

    @Test
    void everyBuiltInProgramStatesAFormThePythonReferenceApplies() throws Exception {
        Set<String> python = pythonFormulas("program");
        Set<String> used = new TreeSet<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (ProgramType t : ProgramTypes.all()) {
                try (InputProgram p = program(t, manager)) {
                    Interop form = p.interop();
                    assertTrue(form.exportable(), t.id() + ": " + form.refusal());
                    assertTrue(python.contains(form.formula()), t.id() + " states a formula the reference does not know: "
                            + form.formula());
                    used.add(form.formula());
                    NamedArray delta = form.arrays().get(0);
                    assertEquals("delta", delta.name(), t.id());
                    assertArrayEquals(new int[] {3, 16, 16}, delta.shape(), t.id());
                    assertEquals(t.id(), p.name());
                }
            }
        }
        assertEquals(python, used, "each formula of the fixtures is some built-in's");
    }

    @Test
    void theAdditiveFormGivesWhatTheProgramGives() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (ProgramType t : ProgramTypes.all()) {
                try (InputProgram p = program(t, manager)) {
                    if (!MaskedDeltaProgram.FORMULA.equals(p.interop().formula())) {
                        continue;
                    }
                    float[] w = p.weights();
                    Random rnd = new Random(2);
                    for (int i = 0; i < w.length; i++) {
                        w[i] = (float) rnd.nextGaussian();
                    }
                    p.loadWeights(w); // a learned program, not the zero start
                    float[] x = new float[2 * 3 * 16 * 16];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = rnd.nextFloat();
                    }
                    float[] expected = p.apply(manager.create(x, new Shape(2, 3, 16, 16))).toFloatArray();
                    float[] delta = p.interop().arrays().get(0).values();
                    for (int i = 0; i < x.length; i++) {
                        assertEquals(expected[i], x[i] + delta[i % delta.length], 1e-6, t.id() + " at " + i);
                    }
                }
            }
        }
    }

    /** scale: x' = R(s, H) @ x @ R(s, W)^T + delta, R[i][j] = max(0, 1 - |(i - c) / s + c - j|), computed here by hand. */
    @Test
    void theZoomFormGivesWhatTheScaleProgramGives() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
                InputProgram p = program(ProgramTypes.get("scale"), manager)) {
            assertEquals(ScaleProgram.FORMULA, p.interop().formula());
            float[] w = p.weights();
            Random rnd = new Random(6);
            w[0] = 1.3f; // s (the first parameter), then the frame weights
            for (int i = 1; i < w.length; i++) {
                w[i] = (float) rnd.nextGaussian();
            }
            p.loadWeights(w);
            float[] x = new float[3 * 16 * 16];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextFloat();
            }
            float[] expected = p.apply(manager.create(x, new Shape(1, 3, 16, 16))).toFloatArray();
            Map<String, NamedArray> a = new HashMap<>();
            p.interop().arrays().forEach(n -> a.put(n.name(), n));
            double s = a.get("scale").values()[0];
            assertEquals(1.3, s, 1e-6);
            float[] delta = a.get("delta").values();
            double c = (16 - 1) / 2.0;
            for (int ch = 0; ch < 3; ch++) {
                for (int i = 0; i < 16; i++) {
                    for (int j = 0; j < 16; j++) {
                        double v = 0;
                        for (int k = 0; k < 16; k++) {
                            for (int l = 0; l < 16; l++) {
                                v += r(i, k, s, c) * x[ch * 256 + k * 16 + l] * r(j, l, s, c);
                            }
                        }
                        int at = ch * 256 + i * 16 + j;
                        assertEquals(expected[at], v + delta[at], 1e-5, "channel " + ch + " (" + i + ", " + j + ")");
                    }
                }
            }
        }
    }

    private static double r(int i, int j, double s, double c) {
        return Math.max(0, 1 - Math.abs((i - c) / s + c - j));
    }

    @Test
    void everyBuiltInMappingStatesAFormThatGivesWhatTheMappingGives() throws Exception {
        Set<String> python = pythonFormulas("mapping");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float[] logits = new float[4 * CARD.numClasses()];
            Random rnd = new Random(4);
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) (3 * rnd.nextGaussian());
            }
            for (MappingType t : MappingTypes.all()) {
                try (LabelMapping m = mapping(t, manager)) {
                    Interop form = m.interop();
                    if (t.readsText() && !form.exportable()) { // descriptions: a top-k mean, stated as such
                        assertTrue(form.refusal().contains("'" + t.id() + "'"), t.id() + ": " + form.refusal());
                        continue;
                    }
                    assertTrue(form.exportable(), t.id() + ": " + form.refusal());
                    assertTrue(python.contains(form.formula()), t.id() + ": " + form.formula());
                    Map<String, NamedArray> arrays = new HashMap<>();
                    form.arrays().forEach(a -> arrays.put(a.name(), a));
                    // a text mapping's source classes are its prompts (text: one per target class)
                    int ks = t.readsText() ? m.sourceClasses() : CARD.numClasses();
                    NDArray l = manager.create(java.util.Arrays.copyOf(logits, 4 * ks), new Shape(4, ks));
                    assertArrayEquals(new int[] {ks, TARGET.size()}, arrays.get("mapping_weights").shape());
                    NDArray w = manager.create(arrays.get("mapping_weights").values(), new Shape(ks,
                            TARGET.size()));
                    NDArray b = manager.create(arrays.get("mapping_bias").values());
                    NDArray fromForm = form.formula().equals(LabelMapping.LINEAR_FORMULA) ? l.matMul(w).add(b)
                            : l.softmax(1).matMul(w).add(1e-12f).log();
                    assertArrayEquals(m.apply(l).toFloatArray(), fromForm.toFloatArray(), 1e-5f, t.id());
                }
            }
        }
    }

    @Test
    void aMethodWithoutAPlainArrayFormIsRefusedWithItsReason() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ProgramType own = new ServiceOnlyProgram.Type();
            try (InputProgram p = program(own, manager);
                    LabelMapping linear = mapping(MappingTypes.get("linear"), manager);
                    LabelMapping plain = new ServiceOnlyMapping.Type().create(new MappingContext(CARD, TARGET,
                            ParameterValues.empty(), 0), manager);
                    InputProgram pad = program(ProgramTypes.get("pad"), manager)) {
                InteropArrays.Result r = InteropArrays.of(p, linear);
                assertEquals("program 'service-only' has no plain-array form: it states no formula that other tools"
                        + " could apply (the workbench itself predicts with it)", r.unavailable());
                assertTrue(r.arrays().isEmpty());
                assertNull(r.program());
                assertNull(r.mapping());
                InteropArrays.Result m = InteropArrays.of(pad, plain);
                assertTrue(m.unavailable().startsWith("mapping 'service-only' has no plain-array form"), m.unavailable());
                InteropArrays.Result ok = InteropArrays.of(pad, linear);
                assertNull(ok.unavailable());
                assertEquals(List.of("delta", "mapping_weights", "mapping_bias"),
                        ok.arrays().stream().map(NamedArray::name).toList());
                assertFalse(ok.program().isBlank() || ok.mapping().isBlank());
            }
        }
    }

    /** bundle.json states the refusal (older bundles, without the field, read as exportable) and so does the card. */
    @Test
    void aRefusedFormIsStatedInTheBundleAndItsCard() {
        String reason = "program 'service-only' has no plain-array form: it states no formula that other tools could"
                + " apply (the workbench itself predicts with it)";
        BundleManifest.Interop refused = new BundleManifest.Interop(null, null, Map.of(), reason);
        BundleManifest.Interop read = Json.GSON.fromJson(Json.toJson(refused), BundleManifest.Interop.class);
        assertEquals(reason, read.unavailable());
        assertTrue(read.arrays().isEmpty());
        assertEquals("- Outside the workbench: not available, " + reason + " (`interop.unavailable` in `bundle.json`).",
                BundleCard.outsideTheWorkbench(refused, false));
        BundleManifest.Interop old = Json.GSON.fromJson("{\"program\": \"x' = x + delta\", \"mapping\": \""
                + LabelMapping.LINEAR_FORMULA + "\", \"arrays\": {\"delta\": \"interop/delta.npy\"}}",
                BundleManifest.Interop.class);
        assertNull(old.unavailable());
        assertTrue(BundleCard.outsideTheWorkbench(old, false).contains("docs/python/predict_bundle.py"));
        assertFalse(BundleCard.outsideTheWorkbench(old, true).contains("predict_bundle.py"), "a DJL model: no script");
    }
}
