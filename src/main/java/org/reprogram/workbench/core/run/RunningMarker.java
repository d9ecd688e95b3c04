package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.reprogram.workbench.core.Json;

/**
 * The {@value RunFiles#RUNNING} file: the id of the process that trains into a run folder and
 * the moment that process started ({@code "PID START_MILLIS"}). Process ids are reused, so a
 * marker left by a killed run can name a live process that has nothing to do with the run; the
 * start time tells them apart. A marker of an older version holds only the process id.
 */
final class RunningMarker {

    private RunningMarker() {}

    /** Writes DIR's marker for this process. */
    static void write(Path dir) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Json.writeString(dir.resolve(RunFiles.RUNNING), self.pid() + startMillis(self).map(t -> " " + t).orElse(""));
    }

    /** True when DIR's marker names a live process that started when the marker says. */
    static boolean names(Path dir) {
        try {
            Path marker = dir.resolve(RunFiles.RUNNING);
            if (!Files.isRegularFile(marker)) {
                return false;
            }
            String[] parts = Files.readString(marker).trim().split("\\s+");
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parts[0]));
            if (p.isEmpty() || !p.get().isAlive()) {
                return false;
            }
            if (parts.length < 2) {
                return true; // written before start times were recorded
            }
            Optional<Long> started = startMillis(p.get());
            return started.isEmpty() || Math.abs(started.get() - Long.parseLong(parts[1])) <= 1000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Long> startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }
}
