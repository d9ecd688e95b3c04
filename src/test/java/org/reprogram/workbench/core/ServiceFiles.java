package org.reprogram.workbench.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The services files of the registries: what the build registers, and class loaders that add one more file. */
public final class ServiceFiles {

    private ServiceFiles() {}

    /** The class names every {@code META-INF/services/SERVICE} file on the test class path lists, in order. */
    public static List<String> registered(Class<?> service) throws IOException {
        List<String> out = new ArrayList<>();
        for (URL u : Collections.list(ServiceFiles.class.getClassLoader().getResources(path(service)))) {
            try (InputStream in = u.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.replaceAll("#.*", "").trim();
                    if (!name.isEmpty()) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A class loader over the test class path plus folder DIR, in which a services file for SERVICE
     * registers CLASSES: what a plug-in jar on the class path adds.
     */
    public static URLClassLoader withServicesFile(Path dir, Class<?> service, String... classes) throws IOException {
        Path file = dir.resolve(path(service));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# a plug-in's registration\n" + String.join("\n", classes) + "\n");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ServiceFiles.class.getClassLoader());
    }

    private static String path(Class<?> service) {
        return "META-INF/services/" + service.getName();
    }
}
