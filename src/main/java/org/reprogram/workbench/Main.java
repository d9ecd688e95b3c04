package org.reprogram.workbench;

import java.util.Set;
import org.reprogram.workbench.cli.Cli;

/**
 * Entry point of the jar. No arguments (or only GUI options such as --demo / --runs-dir):
 * opens the workbench window. A sub-command (train, demo, models, pretrain, benchmark, ...):
 * runs the headless CLI. Nothing is downloaded at run time: DJL runs offline.
 */
public final class Main {

    private static final Set<String> GUI_OPTIONS = Set.of("--demo", "--runs-dir", "--gui");

    private Main() {}

    public static void main(String[] args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        org.reprogram.workbench.core.train.NativeMemory.keepFreedMemory(); // before libtorch allocates
        if (args.length == 0 || GUI_OPTIONS.contains(args[0].split("=", 2)[0])) {
            // training beside a rendering window: rarer periodic collections of its larger heap
            // (FlatMemory); its runs leave one core to it (their threads: WorkbenchApp)
            org.reprogram.workbench.core.train.FlatMemory.enable(
                    org.reprogram.workbench.core.train.FlatMemory.WINDOW_INTERVAL_MILLIS);
            org.reprogram.workbench.ui.WorkbenchLauncher.launch(args);
            return;
        }
        org.reprogram.workbench.core.train.FlatMemory.enable();
        System.exit(Cli.run(args));
    }
}
