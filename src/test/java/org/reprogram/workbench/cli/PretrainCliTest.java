package org.reprogram.workbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;

/**
 * pretrain never overwrites a model folder without --force. Every call here names a missing
 * --data folder, so nothing can train even where a refusal were missing.
 */
class PretrainCliTest {

    private static String oneError(CliTest.Outcome o) {
        assertEquals(2, o.code(), o.out() + o.err());
        List<String> lines = o.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("Fix:"), o.err());
        return lines.get(0);
    }

    private static Path model(Path parent) throws Exception {
        Path model = Files.createDirectories(parent.resolve("fmnist-cnn"));
        Files.writeString(model.resolve("model.json"), "{\"name\": \"fmnist-cnn\"}");
        Files.writeString(model.resolve("weights.params"), "weights");
        return model;
    }

    @Test
    void anExistingModelFolderIsRefusedWithoutForce(@TempDir Path tmp) throws Exception {
        Path model = model(tmp);
        String line = oneError(CliTest.cli("pretrain", "--data", tmp.resolve("no-data").toString(), "--out",
                model.toString()));
        assertTrue(line.contains(model.toString()) && line.contains("already holds a model")
                && line.contains("--force"), line);
        assertEquals("weights", Files.readString(model.resolve("weights.params")));
    }

    @Test
    void theDefaultOutIsTheShippedModelAndIsRefused(@TempDir Path tmp) throws Exception {
        Path shipped = Path.of("assets/models/fmnist-cnn");
        assertTrue(Files.exists(shipped.resolve("model.json")), "run from the project root");
        long size = Files.size(shipped.resolve("weights.params"));
        String line = oneError(CliTest.cli("pretrain", "--data", tmp.resolve("no-data").toString()));
        assertTrue(line.contains("assets/models/fmnist-cnn") && line.contains("--force"), line);
        assertEquals(size, Files.size(shipped.resolve("weights.params")));
    }

    @Test
    void forceReplacesOnlyModelFolders(@TempDir Path tmp) throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("my-files"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        String line = oneError(CliTest.cli("pretrain", "--data", tmp.resolve("no-data").toString(), "--out",
                mine.toString(), "--force"));
        assertTrue(line.contains(mine.toString()) && line.contains("holds no model"), line);
        assertTrue(oneError(CliTest.cli("pretrain", "--data", tmp.resolve("no-data").toString(), "--out", ""))
                .contains("--out is empty"));
        // with --force the model folder passes the check: the run then stops at the missing data
        Path model = model(tmp);
        String data = oneError(CliTest.cli("pretrain", "--data", tmp.resolve("no-data").toString(), "--out",
                model.toString(), "--force"));
        assertTrue(data.contains("no-data"), data);
        assertFalse(data.contains("already holds"), data);
        assertEquals("weights", Files.readString(model.resolve("weights.params")), "untouched: nothing was trained");
    }

    @Test
    void forceSwapsInTheNewModelWhenItIsComplete(@TempDir Path tmp) throws Exception {
        Path model = model(tmp);
        CliTest.Outcome o = CliTest.cli("pretrain", "--data", TestPaths.fixtures().resolve("idx").toString(), "--out",
                model.toString(), "--force", "--epochs", "1", "--batch-size", "16");
        assertEquals(0, o.code(), o.out() + o.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("fmnist-cnn"), s.map(p -> p.getFileName().toString()).toList(),
                    "no temporary or old folder left");
        }
        try (Stream<Path> s = Files.list(model)) {
            assertEquals(List.of("MODEL_CARD.md", "model.json", "weights.params"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.size(model.resolve("weights.params")) > 1000, "the trained weights");
        assertTrue(Files.readString(model.resolve("model.json")).contains("\"name\": \"fmnist-cnn\""),
                "named after the target folder, not the temporary one");
    }
}
