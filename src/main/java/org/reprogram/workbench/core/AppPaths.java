package org.reprogram.workbench.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the shipped files (assets/, sample-data/) are. Looks at the system property
 * {@code reprogram.home}, then upwards from the running jar, then upwards from the working
 * directory, for a folder that contains {@code assets/models}.
 */
public final class AppPaths {

    private static volatile Path home;

    private AppPaths() {}

    public static Path home() {
        Path h = home;
        if (h == null) {
            h = locateHome();
            home = h;
        }
        return h;
    }

    public static Path assets() {
        return home().resolve("assets");
    }

    public static Path models() {
        return assets().resolve("models");
    }

    public static Path sampleData() {
        return home().resolve("sample-data");
    }

    /**
     * A path as the user typed it, or the shipped file of that name: a relative path that does not
     * exist from the working directory but does under {@link #home()} (e.g. {@code sample-data/digits}
     * typed in any folder while the app is installed under /opt) resolves to the shipped one.
     * Anything else comes back unchanged, so a missing path is still reported as typed.
     */
    public static String orShipped(String path) {
        return orShipped(path, home(), Paths.get("").toAbsolutePath());
    }

    /** {@link #orShipped(String)} for a given app home and working directory. */
    public static String orShipped(String path, Path home, Path workingDir) {
        if (path == null || path.isBlank()) {
            return path;
        }
        try {
            Path p = Paths.get(path);
            if (p.isAbsolute() || Files.exists(workingDir.resolve(p))) {
                return path;
            }
            Path shipped = home.resolve(p).normalize();
            return shipped.startsWith(home) && Files.exists(shipped) ? shipped.toString() : path;
        } catch (InvalidPathException e) {
            return path;
        }
    }

    /** Default runs folder: ~/reprogram-workbench/runs. */
    public static Path defaultRunsDir() {
        return Paths.get(System.getProperty("user.home"), "reprogram-workbench", "runs");
    }

    private static Path locateHome() {
        String prop = System.getProperty("reprogram.home");
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath();
        }
        try {
            Path code = Paths.get(AppPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path found = searchUp(code);
            if (found != null) {
                return found;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
            // fall through to the working directory
        }
        Path cwd = Paths.get("").toAbsolutePath();
        Path found = searchUp(cwd);
        return found != null ? found : cwd;
    }

    private static Path searchUp(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("assets").resolve("models"))) {
                return p;
            }
        }
        return null;
    }
}
