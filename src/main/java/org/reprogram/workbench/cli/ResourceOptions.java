package org.reprogram.workbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --threads} and {@code --data-memory} for the commands whose options are not the whole run
 * specification (demo, resume, bench; predict has only {@code --threads}): the registry's own
 * declarations ({@link Settings#THREADS}, {@link Settings#DATA_MEMORY}) as options, read into the
 * run's resources. train and baseline get them with every other setting ({@link SpecOptions}).
 */
public final class ResourceOptions {

    private ResourceOptions() {}

    /** Both resource settings. */
    static final List<Setting<?>> ALL = List.of(Settings.THREADS, Settings.DATA_MEMORY);

    /** Adds --threads and --data-memory. */
    public static final class Both implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SpecOptions.add(command, ALL, List.of(Method.REPROGRAM));
        }
    }

    /** Adds --threads only (predict reads no dataset). */
    public static final class ThreadsOnly implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SpecOptions.add(command, List.of(Settings.THREADS), List.of(Method.REPROGRAM));
        }
    }

    /** SPEC with the resource options the user gave on COMMAND; an error naming the option for a bad value. */
    static RunSpec read(CommandSpec command, RunSpec spec) {
        return SpecOptions.read(command, spec, ALL, new ArrayList<>());
    }

    /** Whether the user gave --threads on COMMAND. */
    static boolean threadsGiven(CommandSpec command) {
        return SpecOptions.given(command, Settings.THREADS);
    }
}
