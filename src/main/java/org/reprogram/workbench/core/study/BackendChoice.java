package org.reprogram.workbench.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprogram.workbench.core.Json;

/**
 * Where and how wide a study runs, as the user chose it ({@code --master}, {@code --parallel},
 * {@code --threads-per-trial}, {@code --conf}); kept in the study folder ({@value #FILE}) so that
 * {@code study resume} runs the rest the same way unless told otherwise (trials with another thread
 * count would differ in the last digits).
 *
 * @param master the Spark master URL; null or "" for local mode (local[N] on this machine)
 * @param parallel trials at once (0: from the cores)
 * @param threadsPerTrial compute threads per trial (0: 1)
 * @param conf extra Spark settings (key to value)
 */
public record BackendChoice(String master, int parallel, int threadsPerTrial, Map<String, String> conf) {

    /** The file in the study folder. */
    public static final String FILE = "backend.json";

    public BackendChoice {
        conf = Map.copyOf(conf == null ? Map.of() : conf);
        if (master != null && master.isBlank()) {
            master = null;
        }
    }

    /** Local mode, sized from the cores. */
    public static BackendChoice local() {
        return new BackendChoice(null, 0, 0, Map.of());
    }

    /** True for local mode (trials in this JVM). */
    public boolean isLocal() {
        return master == null || master.startsWith("local");
    }

    /** Writes this choice into study folder DIR. */
    public void write(Path dir) throws IOException {
        Json.write(dir.resolve(FILE), this);
    }

    /** The choice recorded in study folder DIR, or local mode when none was. */
    public static BackendChoice read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return local();
        }
        BackendChoice c = Json.read(f, BackendChoice.class, "delete " + f + " and pass --master again");
        return new BackendChoice(c.master(), c.parallel(), c.threadsPerTrial(),
                c.conf() == null ? Map.of() : new LinkedHashMap<>(c.conf()));
    }

    /** This choice with the given values where they are set (null / negative: keep). */
    public BackendChoice with(String master, Integer parallel, Integer threads, Map<String, String> conf) {
        Map<String, String> c = new LinkedHashMap<>(this.conf);
        if (conf != null) {
            c.putAll(conf);
        }
        return new BackendChoice(master != null ? master : this.master, parallel != null ? parallel : this.parallel,
                threads != null ? threads : this.threadsPerTrial, c);
    }
}
