package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.cli.CliTest.Outcome;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunSpecJson;
import picocli.CommandLine;

/** Issue 9: I/O failures and --verbose as the user sees them. */
class ErrorReportingCliTest {

    /** Exit 2, one "error:" line that mentions every MUSTMENTION, no exception class name, no stack trace. */
    private static void assertOneCleanError(Outcome o, String... mustMention) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> l.startsWith("error")).toList();
        assertEquals(1, lines.size(), o.err());
        for (String m : mustMention) {
            assertTrue(lines.get(0).contains(m), "'" + m + "' missing in: " + o.err());
        }
        assertFalse(lines.get(0).contains("Exception"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    /** Folders no one can write to here: below a regular file, and (when not root) a chmod 555 folder. */
    private static List<Path> unwritableOutFolders(Path tmp) throws Exception {
        List<Path> outs = new ArrayList<>();
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file, not a folder");
        outs.add(blocker.resolve("run"));
        Path readOnly = Files.createDirectory(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(readOnly)) { // root ignores the permission bits
            outs.add(readOnly.resolve("run"));
        }
        return outs;
    }

    @Test
    void unwritableOutIsRefusedBeforeAnythingLoads(@TempDir Path tmp) throws Exception {
        // the target does not exist: an error about the out folder proves nothing was loaded first
        String missingTarget = tmp.resolve("no-such-target").toString();
        for (Path out : unwritableOutFolders(tmp)) {
            for (String[] args : List.of(
                    new String[] {"train", "--target", missingTarget, "--epochs", "50", "--out", out.toString()},
                    new String[] {"baseline", "--kind", "finetune", "--target", missingTarget, "--out", out.toString()},
                    new String[] {"demo", "--out", out.toString()})) {
                long t0 = System.nanoTime();
                Outcome o = CliTest.cli(args);
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertOneCleanError(o, out.toString(), "Fix:");
                assertFalse(o.err().contains("no-such-target"), o.err());
                assertFalse(o.out().contains("source "), "no model was loaded: " + o.out());
                assertTrue(seconds < 2, args[0] + " took " + seconds + " s");
            }
        }
        Files.setPosixFilePermissions(tmp.resolve("read-only"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void unwritableDefaultRunsFolderIsRefusedBeforeAnythingLoads(@TempDir Path tmp) throws Exception {
        Path home = Files.writeString(tmp.resolve("home"), "HOME is a file here");
        String old = System.getProperty("user.home");
        Outcome o;
        try {
            System.setProperty("user.home", home.toString());
            o = CliTest.cli("train", "--target", tmp.resolve("no-such-target").toString());
        } finally {
            System.setProperty("user.home", old);
        }
        assertOneCleanError(o, home.resolve("reprogram-workbench").resolve("runs").toString(), "--out");
    }

    @Test
    void writeFailureDuringTheRunIsOneErrorNamingTheFolder(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        AtomicBoolean replaced = new AtomicBoolean();
        Thread saboteur = new Thread(() -> {
            try {
                while (!Files.exists(run.resolve("config.json"))) {
                    Thread.sleep(2);
                }
                // the run folder becomes a file (as if the disk went away): every later write fails. An
                // atomic write of the run recreates a missing folder, so on a busy machine it can come back
                // between the move and the write: then move it away again
                for (int attempt = 0; attempt < 50 && !replaced.get(); attempt++) {
                    try {
                        Files.move(run, tmp.resolve("moved-away-" + attempt));
                        Files.writeString(run, "not a folder any more");
                        replaced.set(true);
                    } catch (java.io.IOException raced) {
                        Thread.sleep(1);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        saboteur.setDaemon(true);
        saboteur.start();
        Outcome o = CliTest.cli("train", "--target", TestPaths.digits().toString(), "--epochs", "40", "--shots", "5",
                "--batch-size", "16", "--out", run.toString());
        saboteur.join(10_000);
        assertTrue(replaced.get());
        assertOneCleanError(o, run.toString(), "cannot write the run files", "free disk space");
    }

    @Test
    void degenerateRunsAreCleanErrors(@TempDir Path tmp) throws Exception {
        Path onePerClass = org.reprogram.workbench.core.DatasetFixtures.imageFolder(tmp, 3, 1, 8, false);
        assertOneCleanError(CliTest.cli("train", "--target", onePerClass.toString(), "--out", tmp.resolve("a").toString()),
                onePerClass.toString(), "no test images");
        assertOneCleanError(CliTest.cli("baseline", "--kind", "scratch", "--target", onePerClass.toString(),
                "--out", tmp.resolve("b").toString()), onePerClass.toString(), "no test images");
        assertOneCleanError(CliTest.cli("train", "--target", TestPaths.digits().toString(), "--inner-size", "32",
                "--out", tmp.resolve("c").toString()), "nothing to train", "--inner-size 32");
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("c")));
    }

    @Test
    void verboseGivesStackTracesForEveryCommandInAnyPosition(@TempDir Path tmp) throws Exception {
        String missing = tmp.resolve("missing").toString();
        Path blocker = Files.writeString(tmp.resolve("blocker"), "a file");
        Path run = Files.createDirectory(tmp.resolve("run"));
        Files.writeString(run.resolve("config.json"),
                Json.toJson(RunSpecJson.toJson(RunSpec.defaults(TestPaths.digits().toString()))));
        List<List<String>> failing = List.of(
                List.of("train", "--target", missing),
                List.of("baseline", "--kind", "linear-probe", "--target", missing),
                List.of("demo", "--out", blocker.toString()),
                List.of("compare", run.toString(), "--csv", blocker.resolve("table.csv").toString()),
                List.of("pretrain", "--data", missing, "--out", tmp.resolve("model").toString()),
                List.of("bench", "--target", missing),
                List.of("benchmark", "--program", "magic"));
        for (List<String> args : failing) {
            Outcome plain = CliTest.cli(args.toArray(String[]::new));
            assertEquals(2, plain.code(), args + ": " + plain.err());
            assertTrue(plain.err().startsWith("error: "), args + ": " + plain.err());
            assertFalse(plain.err().contains("\tat "), args + ": " + plain.err());
            List<List<String>> verbose = new ArrayList<>();
            List<String> last = new ArrayList<>(args);
            last.add("--verbose");
            verbose.add(last);
            List<String> afterCommand = new ArrayList<>(args);
            afterCommand.add(1, "--verbose");
            verbose.add(afterCommand);
            List<String> beforeCommand = new ArrayList<>(args);
            beforeCommand.add(0, "--verbose");
            verbose.add(beforeCommand);
            for (List<String> v : verbose) {
                Outcome o = CliTest.cli(v.toArray(String[]::new));
                assertEquals(2, o.code(), v + ": " + o.err());
                assertTrue(o.err().startsWith("error: "), v + ": " + o.err());
                assertTrue(o.err().contains("\tat "), v + ": no stack trace in " + o.err());
            }
        }
        assertEquals(0, CliTest.cli("models", "--verbose").code());
        assertEquals(0, CliTest.cli("--verbose", "models").code());
        Outcome none = CliTest.cli("--verbose");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().startsWith("error: no command given"), none.err());
    }

    @Test
    void everyCommandsHelpListsVerbose() {
        Set<String> commands = new CommandLine(new Cli()).getSubcommands().keySet();
        assertTrue(commands.containsAll(List.of("train", "resume", "predict", "export", "baseline", "compare", "demo",
                "models", "pretrain", "bench", "benchmark")), commands.toString());
        for (String command : commands) {
            Outcome o = CliTest.cli(command, "--help");
            assertEquals(0, o.code(), command + ": " + o.err());
            assertTrue(o.out().contains("--verbose") && o.out().contains("print stack traces of errors"),
                    command + " --help: " + o.out());
        }
        assertTrue(CliTest.cli("--help").out().contains("--verbose"));
    }
}
