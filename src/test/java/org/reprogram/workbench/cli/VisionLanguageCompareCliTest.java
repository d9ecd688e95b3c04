package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.run.ComparisonZeroShotTest;

/** The CLI on vision-language sources: {@code models} lists the shipped one as such, {@code compare} its zero-shot column. */
class VisionLanguageCompareCliTest {

    @Test
    void modelsListsTheShippedVisionLanguageModel() {
        CliTest.Outcome o = CliTest.cli("models");
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        int at = lines.indexOf("builtin:fmnist-clip");
        assertTrue(at >= 0, o.out());
        assertTrue(lines.get(at + 1).startsWith("  vision-language, input [1, 32, 32], embedding size "), lines.get(at + 1));
        assertTrue(o.out().contains("builtin:fmnist-cnn  (default: builtin)"), "the classifier is listed as before");
    }

    @Test
    void comparePrintsTheZeroShotColumn(@TempDir Path tmp) throws Exception {
        Path a = ComparisonZeroShotTest.run(tmp.resolve("a"), Double.NaN);
        Path b = ComparisonZeroShotTest.run(tmp.resolve("b"), 0.4321);
        CliTest.Outcome o = CliTest.cli("compare", a.toString(), b.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).contains("zero-shot") && lines.get(0).indexOf("zero-shot")
                < lines.get(0).indexOf("test accuracy"), o.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("b ") && l.contains("0.4321")), o.out());
        CliTest.Outcome plain = CliTest.cli("compare", a.toString());
        assertTrue(!plain.out().contains("zero-shot"), "no column without a vision-language run: " + plain.out());
    }
}
