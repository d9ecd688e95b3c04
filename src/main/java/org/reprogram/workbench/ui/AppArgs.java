package org.reprogram.workbench.ui;

import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.AppPaths;

/**
 * The window's command-line options.
 *
 * @param runsDir runs folder (--runs-dir DIR or --runs-dir=DIR; default ~/reprogram-workbench/runs)
 * @param demo --demo: set up the teaching demo and start it
 * @param study --study DIR: open the Studies tab on the study in DIR (null: none)
 */
public record AppArgs(Path runsDir, boolean demo, Path study) {

    public static AppArgs parse(List<String> args) {
        Path runs = AppPaths.defaultRunsDir();
        boolean demo = false;
        Path study = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--runs-dir=")) {
                runs = Path.of(a.substring("--runs-dir=".length()));
            } else if (a.equals("--runs-dir") && i + 1 < args.size()) {
                runs = Path.of(args.get(++i));
            } else if (a.equals("--demo")) {
                demo = true;
            } else if (a.startsWith("--study=")) {
                study = Path.of(a.substring("--study=".length()));
            } else if (a.equals("--study") && i + 1 < args.size()) {
                study = Path.of(args.get(++i));
            }
        }
        return new AppArgs(runs, demo, study);
    }
}
