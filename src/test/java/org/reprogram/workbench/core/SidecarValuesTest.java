package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.model.TorchScriptSourceModel;

/**
 * Sidecar values that made every normalised pixel NaN or huge (NaN, infinite or near-zero mean/std)
 * or a class without a name are refused when the sidecar is read, naming the field; before, the run
 * failed later with "lower the learning rate", and a null class name was accepted.
 */
class SidecarValuesTest {

    private static String sidecar(String classes, String mean, String std) {
        return "{\"inputShape\": [3, 16, 16], \"classNames\": " + classes + ", \"mean\": " + mean + ", \"std\": " + std
                + "}";
    }

    private static String refusal(Path tmp, String json) throws Exception {
        Path pt = tmp.resolve("m.pt");
        Files.copy(TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt"), pt,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(TorchScriptSourceModel.sidecarOf(pt), json);
        UserInputException e = assertThrows(UserInputException.class, () -> TorchScriptSourceModel.readSidecar(pt));
        assertTrue(e.getMessage().startsWith(TorchScriptSourceModel.sidecarOf(pt) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void nanInfiniteAndNearZeroNormalisationValuesNameTheirField(@TempDir Path tmp) throws Exception {
        String classes = "[\"a\", \"b\", \"c\", \"d\", \"e\"]";
        String ok = "[0.5, 0.5, 0.5]";
        assertTrue(refusal(tmp, sidecar(classes, ok, "[0.25, NaN, 0.25]")).contains("\"std\"[1] is NaN"));
        assertTrue(refusal(tmp, sidecar(classes, ok, "[0.25, 0.25, Infinity]")).contains("\"std\"[2] is Infinity"));
        String tiny = refusal(tmp, sidecar(classes, ok, "[1e-9, 0.25, 0.25]"));
        assertTrue(tiny.contains("\"std\"[0] is 1.0E-9 (at least 1.0E-4 is needed"), tiny);
        assertTrue(refusal(tmp, sidecar(classes, "[0.5, -Infinity, 0.5]", "[0.25, 0.25, 0.25]"))
                .contains("\"mean\"[1] is -Infinity"));
        assertTrue(refusal(tmp, sidecar(classes, "[NaN, 0.5, 0.5]", "[0.25, 0.25, 0.25]")).contains("\"mean\"[0] is NaN"));
        // the committed fixture's values still load
        assertEquals(5, TorchScriptSourceModel.readSidecar(TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt"))
                .numClasses());
    }

    @Test
    void aClassWithoutANameIsRefused(@TempDir Path tmp) throws Exception {
        String ok = "[0.5, 0.5, 0.5]";
        String msg = refusal(tmp, sidecar("[\"a\", null, \"c\"]", ok, ok));
        assertTrue(msg.contains("\"classNames\"[1] is null"), msg);
        assertTrue(refusal(tmp, sidecar("[\"a\", \" \"]", ok, ok)).contains("\"classNames\"[1] is blank"));
    }
}
