package org.reprogram.workbench.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprogram.workbench.core.TestPaths;

/**
 * Python and Java give the same predictions from the same bundle. The expected values were made
 * by the PyTorch reference script {@code docs/python/predict_bundle.py} (Debian's torch 1.13, reading
 * only the bundle's plain arrays, {@code bundle.json} and the TorchScript model) for six images
 * (gray digits, an RGB, an RGBA and a 40x40 image that is box-halved), one bundle per program
 * (pad, full, scale, smm) and four mappings (ilm, linear, blm+, bar); see
 * {@code src/test/resources/fixtures/bundle/make_bundle_fixtures.sh} to regenerate them. The
 * workbench predicts from the bundle's own state files with DJL and libtorch 2.7.1: the same
 * target and source classes, and probabilities equal to 1e-4 (two PyTorch versions sum in
 * different orders; observed differences are about 1e-6).
 */
class BundleInteropTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"pad-ilm", "full-linear", "scale-blmplus", "smm-bar", "pad-textilm-vlm"})
    void javaPredictsWhatPythonPredicts(String name) throws Exception {
        Path dir = TestPaths.fixtures().resolve("bundle");
        JsonArray expected = JsonParser.parseString(Files.readString(dir.resolve(name + ".expected.json")))
                .getAsJsonObject().getAsJsonArray("predictions");
        try (Predictor predictor = Predictor.open(dir.resolve(name + ".zip"), null, "cpu")) {
            assertEquals(name.substring(0, name.indexOf('-')), predictor.run().config().program().id());
            int kt = predictor.targetClasses().size();
            List<Prediction> got = predictor.predict(ImageInputs.expand(List.of(dir.resolve("images")),
                    predictor.targetClasses()), kt, false);
            assertEquals(expected.size(), got.size(), "one prediction per image");
            assertEquals(6, got.size());
            for (int i = 0; i < got.size(); i++) {
                JsonObject e = expected.get(i).getAsJsonObject();
                Prediction p = got.get(i);
                String file = Path.of(e.get("file").getAsString()).getFileName().toString();
                assertEquals(file, p.file().getFileName().toString(), "same image order");
                assertTrue(p.ok(), p.error());
                assertEquals(e.get("target").getAsInt(), p.predicted(), name + " " + file + ": target class");
                assertEquals(e.get("source").getAsInt(), p.sourceClass(), name + " " + file + ": source class");
                assertEquals(e.get("sourceProbability").getAsDouble(), p.sourceProbability(), TOLERANCE);
                JsonArray probs = e.getAsJsonArray("probabilities");
                for (Prediction.ClassScore s : p.top()) {
                    assertEquals(probs.get(s.index()).getAsDouble(), s.probability(), TOLERANCE,
                            name + " " + file + ": probability of target class " + s.index());
                }
                double sum = 0;
                for (JsonElement v : probs) {
                    sum += v.getAsDouble();
                }
                assertEquals(1.0, sum, 1e-5, "the expected file holds the whole distribution");
            }
        }
    }
}
