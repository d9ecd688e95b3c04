package org.reprogram.workbench.ui.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.reprogram.workbench.core.AtomicFiles;

/**
 * The source model last chosen in the window (one that loaded), kept between sessions in a small
 * settings file ({@code ~/reprogram-workbench/settings.properties}, key {@code source}). Best effort:
 * an unreadable or unwritable file only means nothing is remembered.
 */
final class LastModel {

    static final String KEY = "source";

    private LastModel() {}

    /** The remembered model spec, or null (no file, no key, unreadable). */
    static String read(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String s = p.getProperty(KEY);
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Remembers SPEC in FILE (other keys kept), written whole or not at all. */
    static void write(Path file, String spec) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                p.clear();
            }
        }
        if (spec.equals(p.getProperty(KEY))) {
            return;
        }
        p.setProperty(KEY, spec);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> p.store(out, "Reprogram Workbench window settings"));
        } catch (IOException | UnsupportedOperationException e) {
            // nothing remembered this time; the window works the same
        }
    }
}
