package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;

/**
 * libtorch writes its warnings to the process's own stderr, which an in-process test cannot
 * capture: these run the CLI in a child JVM. "AutoNonVariableTypeMode is deprecated ..." came from
 * DJL's NDArray.set(float[]) (loading a run's program, restoring the best state, resume).
 */
class LibtorchWarningCliTest {

    /** The combined output of the CLI with ARGS in a child JVM; asserts exit 0. */
    static String run(Path tmp, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.reprogram.workbench.Main"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "cli", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command ends");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void predictPrintsNoLibtorchDeprecationWarning(@TempDir Path tmp) throws Exception {
        String out = run(tmp, "predict", TestPaths.fixtures().resolve("bundle/pad-ilm.zip").toString(),
                TestPaths.fixtures().resolve("bundle/images/digit0.png").toString());
        assertTrue(out.contains("predicted 1 of 1 images"), out);
        assertFalse(out.contains("AutoNonVariableTypeMode"), out);
    }

    @Test
    void trainPrintsNoLibtorchDeprecationWarning(@TempDir Path tmp) throws Exception {
        String out = run(tmp, "train", "--source", TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt").toString(),
                "--target", TestPaths.digits().toString(), "--program", "scale", "--mapping", "linear", "--epochs", "2",
                "--shots", "5", "--device", "cpu", "--threads", "1", "--out", tmp.resolve("run").toString());
        assertTrue(out.contains("completed"), out);
        assertFalse(out.contains("AutoNonVariableTypeMode"), out);
    }
}
