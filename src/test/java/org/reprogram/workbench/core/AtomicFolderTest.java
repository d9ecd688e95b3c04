package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder is replaced only by a complete new one; the old one stays until then. */
class AtomicFolderTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path oldModel(Path parent) throws IOException {
        Path model = Files.createDirectories(parent.resolve("fmnist-cnn"));
        Files.writeString(model.resolve("model.json"), "old card");
        Files.writeString(model.resolve("weights.params"), "old weights");
        Files.writeString(model.resolve("extra.txt"), "only in the old folder");
        return model;
    }

    @Test
    void theNewFolderIsBuiltBesideTheOldOneAndSwappedInWhenComplete(@TempDir Path parent) throws Exception {
        Path model = oldModel(parent);
        AtomicFolder.replace(model, dir -> {
            assertEquals(parent.toAbsolutePath(), dir.getParent(), "a sibling: same file system, rename is atomic");
            assertNotEquals(model.toAbsolutePath(), dir);
            assertTrue(dir.getFileName().toString().startsWith("."), "hidden while it is written: " + dir);
            assertEquals("old weights", Files.readString(model.resolve("weights.params")),
                    "the old model is intact while the new one is written");
            Files.writeString(dir.resolve("model.json"), "new card");
            Files.writeString(dir.resolve("weights.params"), "new weights");
        });
        assertEquals(List.of("fmnist-cnn"), names(parent), "no temporary or old folder left");
        assertEquals(List.of("extra.txt", "model.json", "weights.params"), names(model),
                "files the new content does not replace are kept (issue 17 item 4)");
        assertEquals("new weights", Files.readString(model.resolve("weights.params")));
        assertEquals("only in the old folder", Files.readString(model.resolve("extra.txt")));
    }

    @Test
    void theOldFoldersOtherFilesAndSubfoldersAreKept(@TempDir Path parent) throws Exception {
        Path model = oldModel(parent);
        Files.createDirectories(model.resolve("examples/3"));
        Files.writeString(model.resolve("examples/3/bag.png"), "picture");
        Files.writeString(model.resolve("notes.md"), "my notes");
        AtomicFolder.replace(model, dir -> {
            Files.writeString(dir.resolve("model.json"), "new card");
            Files.writeString(dir.resolve("weights.params"), "new weights");
        });
        assertEquals("picture", Files.readString(model.resolve("examples/3/bag.png")));
        assertEquals("my notes", Files.readString(model.resolve("notes.md")));
        assertEquals("new card", Files.readString(model.resolve("model.json")));
        assertEquals(List.of("fmnist-cnn"), names(parent));
    }

    @Test
    void aCrashBetweenTheTwoRenamesIsRecoveredFromTheOldCopy(@TempDir Path parent) throws Exception {
        Path model = oldModel(parent);
        // the state a kill between the renames leaves: the old folder aside, the new one not yet in place
        Files.move(model, parent.resolve(".fmnist-cnn.old-abc123"));
        Files.createDirectories(parent.resolve(".fmnist-cnn.new-def456"));
        assertTrue(AtomicFolder.recover(model));
        assertEquals("old weights", Files.readString(model.resolve("weights.params")));
        assertEquals(List.of(".fmnist-cnn.new-def456", "fmnist-cnn"), names(parent),
                "a recent .new folder may be another writer's: it stays");
        // an .old folder left after a completed swap is removed
        Files.createDirectories(parent.resolve(".fmnist-cnn.old-zzz"));
        assertTrue(!AtomicFolder.recover(model));
        assertEquals(List.of(".fmnist-cnn.new-def456", "fmnist-cnn"), names(parent));
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFolderUntouched(@TempDir Path parent) throws Exception {
        Path model = oldModel(parent);
        IOException e = assertThrows(IOException.class, () -> AtomicFolder.replace(model, dir -> {
            Files.writeString(dir.resolve("weights.params"), "half");
            throw new IOException("killed while saving the weights");
        }));
        assertEquals("killed while saving the weights", e.getMessage());
        assertThrows(IllegalStateException.class, () -> AtomicFolder.replace(model, dir -> {
            Files.writeString(dir.resolve("model.json"), "half");
            throw new IllegalStateException("out of memory");
        }));
        assertEquals(List.of("fmnist-cnn"), names(parent), "the half-written folders are removed");
        assertEquals(List.of("extra.txt", "model.json", "weights.params"), names(model));
        assertEquals("old weights", Files.readString(model.resolve("weights.params")));
    }

    @Test
    void aMissingTargetIsCreated(@TempDir Path parent) throws Exception {
        Path model = parent.resolve("models").resolve("my-cnn");
        AtomicFolder.replace(model, dir -> Files.writeString(dir.resolve("model.json"), "card"));
        assertEquals(List.of("model.json"), names(model));
        assertEquals(List.of("my-cnn"), names(parent.resolve("models")));
    }
}
