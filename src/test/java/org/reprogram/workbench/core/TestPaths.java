package org.reprogram.workbench.core;

import java.nio.file.Path;

/** Paths of the repository's shipped files and test fixtures. */
public final class TestPaths {

    private TestPaths() {}

    public static Path root() {
        String p = System.getProperty("project.root");
        return p != null ? Path.of(p) : Path.of("").toAbsolutePath();
    }

    public static Path digits() {
        return root().resolve("sample-data/digits");
    }

    public static Path fixtures() {
        return root().resolve("src/test/resources/fixtures");
    }
}
