package org.reprogram.workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.reprogram.workbench.core.AtomicFolder;

/**
 * A child process for tests: replaces model folder ARGS[0] as pretrain --force does (new weights,
 * model.json and MODEL_CARD.md copied from ARGS[1]), so that a fault point can halt it mid-swap.
 */
public final class FolderSwapper {

    private FolderSwapper() {}

    public static void main(String[] args) throws Exception {
        Path from = Path.of(args[1]);
        AtomicFolder.replace(Path.of(args[0]), dir -> {
            for (String f : new String[] {"weights.params", "model.json", "MODEL_CARD.md"}) {
                Files.copy(from.resolve(f), dir.resolve(f));
            }
        });
    }
}
