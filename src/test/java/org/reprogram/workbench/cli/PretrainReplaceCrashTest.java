package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.FaultPoints;
import org.reprogram.workbench.core.TestPaths;

/**
 * Issue 17 item 4: pretrain --force replaces a model folder with a swap of two renames. A kill
 * exactly between them (fault point "between-folder-renames") left no model folder at all and
 * nothing recovered it ("train" said the model was missing); now the next use of the model puts
 * the old folder back, with the files pretrain does not write (examples/, notes).
 */
class PretrainReplaceCrashTest {

    private static Process java(Path log, List<String> props, String main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(props);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                }
            }
        }
    }

    @Test
    void aKillBetweenTheRenamesIsRecoveredByTheNextTrain(@TempDir Path tmp) throws Exception {
        Path shipped = TestPaths.root().resolve("assets/models/fmnist-cnn");
        Path home = tmp.resolve("home");
        Path model = home.resolve("assets/models/fmnist-cnn");
        copyTree(shipped, model);
        Files.writeString(model.resolve("notes.txt"), "my notes");
        long examples;
        try (Stream<Path> s = Files.walk(model.resolve("examples"))) {
            examples = s.count();
        }

        Process swap = java(tmp.resolve("swap.log"), List.of("-D" + FaultPoints.PROPERTY + "=between-folder-renames"),
                FolderSwapper.class.getName(), model.toString(), shipped.toString());
        assertTrue(swap.waitFor(60, TimeUnit.SECONDS));
        assertEquals(FaultPoints.HALT_STATUS, swap.exitValue(), Files.readString(tmp.resolve("swap.log")));
        assertFalse(Files.exists(model), "halted between the renames: the folder is absent");

        Process train = java(tmp.resolve("train.log"), List.of("-Dreprogram.home=" + home),
                "org.reprogram.workbench.Main", "train", "--source", "builtin:fmnist-cnn", "--target",
                TestPaths.digits().toAbsolutePath().toString(), "--epochs", "1", "--shots", "5", "--batch-size", "64",
                "--threads", "1", "--out", tmp.resolve("run").toString());
        try {
            assertTrue(train.waitFor(120, TimeUnit.SECONDS));
        } finally {
            train.destroyForcibly();
        }
        assertEquals(0, train.exitValue(), Files.readString(tmp.resolve("train.log")));
        assertEquals("my notes", Files.readString(model.resolve("notes.txt")));
        try (Stream<Path> s = Files.walk(model.resolve("examples"))) {
            assertEquals(examples, s.count(), "the example pictures are back");
        }
        try (Stream<Path> s = Files.list(model.getParent())) {
            assertEquals(List.of("fmnist-cnn"), s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".fmnist-cnn.new-")).toList(), "no .old copy left");
        }
    }

    @Test
    void aCompletedReplaceKeepsTheFilesItDoesNotWrite(@TempDir Path tmp) throws Exception {
        Path shipped = TestPaths.root().resolve("assets/models/fmnist-cnn");
        Path model = tmp.resolve("models/fmnist-cnn");
        copyTree(shipped, model);
        Files.writeString(model.resolve("notes.txt"), "my notes");
        Process swap = java(tmp.resolve("swap.log"), List.of(), FolderSwapper.class.getName(), model.toString(),
                shipped.toString());
        assertTrue(swap.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, swap.exitValue(), Files.readString(tmp.resolve("swap.log")));
        assertEquals("my notes", Files.readString(model.resolve("notes.txt")));
        assertTrue(Files.isDirectory(model.resolve("examples")));
        assertEquals(Files.size(shipped.resolve("weights.params")), Files.size(model.resolve("weights.params")));
    }
}
