package org.reprogram.workbench.ui.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

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
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".settings", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.store(out, "Reprogram Workbench window settings");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // nothing remembered this time; the window works the same
        }
    }
}
