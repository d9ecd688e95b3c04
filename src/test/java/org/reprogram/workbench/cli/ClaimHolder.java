package org.reprogram.workbench.cli;

import java.nio.file.Path;
import org.reprogram.workbench.core.run.RunFolderLock;

/** A child process for tests: claims the run folder ARGS[0], prints "claimed" and holds it until stdin closes. */
public final class ClaimHolder {

    private ClaimHolder() {}

    public static void main(String[] args) throws Exception {
        try (RunFolderLock claim = RunFolderLock.claim(Path.of(args[0]), true)) {
            System.out.println("claimed");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our stdin
            }
        }
    }
}
