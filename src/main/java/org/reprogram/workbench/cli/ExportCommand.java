package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.predict.BundleExporter;
import org.reprogram.workbench.core.predict.StateChoice;
import org.reprogram.workbench.core.run.RunFolderAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export RUN_DIR --out FILE.zip}: the run as one self-contained, checksummed bundle. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run as one self-contained bundle (zip): learned program and mapping (also as .npy"
                + " arrays for Python), config, model card and the source model itself, with SHA-256 checksums."
                + " 'predict BUNDLE ...' uses it on any machine.")
public final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_DIR", description = "the run folder (written by train, demo or the workbench)")
    Path runDir;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "the bundle file to write")
    Path out;

    @Option(names = "--state", paramLabel = "best|final", description = "best (the best validation epoch; the"
            + " default when the run has one) or final")
    String state;

    @Option(names = "--force", description = "replace an existing --out file")
    boolean force;

    @Override
    public Integer call() {
        BundleExporter.Exported e;
        try {
            e = BundleExporter.export(runDir, state == null ? null : StateChoice.parse(state), out, force);
        } catch (java.io.IOException ex) {
            throw UserInputException.forFile(out, "cannot write the bundle (" + RunFolderAccess.reason(ex) + ")",
                    "choose another --out file or free disk space", ex);
        }
        e.run().notices().forEach(n -> System.err.println("warning: " + n));
        System.out.printf(Locale.ROOT, "exported %s (%s%s) to %s: %d files, %.1f KB%n", e.run().name(),
                e.run().describeState(), Double.isNaN(e.run().testAccuracy()) ? ""
                        : String.format(Locale.ROOT, ", test accuracy %.4f", e.run().testAccuracy()),
                e.file().toAbsolutePath(), e.entries().size(), e.bytes() / 1024.0);
        System.out.println("use it with: java -jar target/reprogram-workbench.jar predict " + e.file() + " IMAGE|DIR...");
        return 0;
    }
}
