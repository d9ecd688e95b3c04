package org.reprogram.workbench.core.study.spark;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The jars a cluster's executors load from the driver ({@code spark.jars}): the application jar and
 * the libraries a trial uses that a Spark installation lacks (DJL, the PyTorch engine, its JNI and
 * native libraries, DJL's Hugging Face tokenizers for vision-language sources, JNA, Gson, SnakeYAML,
 * Commons Math and Compress), each found as the jar its
 * class (or the PyTorch natives' properties) was loaded from. A worker therefore needs only Spark
 * itself; what Spark already ships (Scala, Jackson, Netty, SLF4J, ...) is not sent again.
 */
final class ExecutorJars {

    /** A class (or, with a slash, a resource) of each library trials need beyond Spark. */
    static final List<String> NEEDED = List.of("ai.djl.engine.Engine", "ai.djl.pytorch.engine.PtEngine",
            "jnilib/pytorch.properties", "native/lib/pytorch.properties",
            "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer", "com.sun.jna.Native",
            "com.google.gson.Gson", "org.yaml.snakeyaml.Yaml", "org.apache.commons.math3.util.FastMath",
            "org.apache.commons.compress.archivers.ArchiveEntry");

    private ExecutorJars() {}

    /** APPJAR and the jars of {@link #NEEDED}, without repeats. */
    static List<Path> of(Path appJar) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(appJar);
        out.addAll(libraries());
        return new ArrayList<>(out);
    }

    /** The jars of {@link #NEEDED} in this JVM (the PyTorch natives are a runtime dependency: absent at compile time). */
    static List<Path> libraries() {
        Set<Path> out = new LinkedHashSet<>();
        ClassLoader loader = ExecutorJars.class.getClassLoader();
        for (String name : NEEDED) {
            URL url = loader.getResource(name.contains("/") ? name : name.replace('.', '/') + ".class");
            Path jar = url == null ? null : jarOf(url);
            if (jar == null) {
                throw new IllegalStateException("the library of " + name + " is not in a jar on the class path ("
                        + url + "): the executors of a cluster could not load it");
            }
            out.add(jar);
        }
        return new ArrayList<>(out);
    }

    private static Path jarOf(URL url) {
        String s = url.toString();
        if (!s.startsWith("jar:file:") || !s.contains("!/")) {
            return null;
        }
        try {
            Path p = Path.of(new java.net.URI(s.substring(4, s.indexOf("!/"))));
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
