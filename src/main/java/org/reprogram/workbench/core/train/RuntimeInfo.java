package org.reprogram.workbench.core.train;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.reprogram.workbench.core.AppPaths;

/**
 * What {@code --version} reports: the app version (from the Maven project version), the DJL and
 * PyTorch versions, the device the engine finds, where the PyTorch natives were loaded from (a
 * per-user cache, never the install folder) and the Java runtime in use.
 *
 * @param engineProblem why the PyTorch engine did not load, or null when it did
 */
public record RuntimeInfo(String appVersion, String djlVersion, String pytorchVersion, int gpuCount,
        String nativesPath, String engineProblem, String javaVersion, String javaHome) {

    private static final String VERSION_RESOURCE = "/org/reprogram/workbench/version.properties";

    /** Loads the PyTorch engine (extracting its natives on first use) and collects the facts. */
    public static RuntimeInfo collect() {
        String pytorch = null;
        String natives = null;
        String problem = null;
        int gpus = 0;
        try {
            Engine engine = Engine.getEngine("PyTorch");
            pytorch = engine.getVersion();
            gpus = engine.getGpuCount();
            natives = ai.djl.pytorch.jni.LibUtils.getLibtorchPath();
        } catch (RuntimeException | LinkageError e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new RuntimeInfo(buildVersion(), Engine.getDjlVersion(), pytorch, gpus, natives, problem,
                System.getProperty("java.version"), System.getProperty("java.home"));
    }

    /** The Maven project version the app was built as ("development build" when not filtered). */
    public static String buildVersion() {
        try (InputStream in = RuntimeInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: an unreadable resource is reported like a missing one
        }
        return "development build";
    }

    /** "cpu" or "gpu (N GPUs)", as the training commands would choose with --device auto. */
    public String device() {
        if (engineProblem != null) {
            return "none (the PyTorch engine did not load)";
        }
        return gpuCount > 0 ? "gpu (" + gpuCount + (gpuCount == 1 ? " GPU)" : " GPUs)")
                : "cpu (the PyTorch engine sees no GPU)";
    }

    /** The report, one fact per line, the app name and version first. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Reprogram Workbench " + appVersion);
        lines.add("DJL " + djlVersion);
        lines.add(engineProblem == null ? "PyTorch " + pytorchVersion : "PyTorch: not loaded (" + engineProblem + ")");
        lines.add("device: " + device());
        if (nativesPath != null) {
            lines.add("PyTorch natives: " + nativesPath);
        }
        lines.add("sample data: " + AppPaths.sampleData());
        lines.add("Java " + javaVersion + " (" + javaHome + ")");
        return lines;
    }
}
