package org.reprogram.workbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.spec.Method;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.run.CheckpointFile;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.run.RunFolderLock;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.train.RunStatus;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: one reprogramming run, written to a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, modelTransformer = TrainCommand.Options.class,
        sortOptions = false,
        description = "Reprogram a frozen source model for a target dataset and save the run folder.")
public final class TrainCommand implements Callable<Integer> {

    /** The run settings' options, from the parameter registry ({@link SpecOptions}). */
    public static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            return SpecOptions.add(command, List.of(Method.REPROGRAM), s -> false);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--out", description = "run folder to create (default: a new folder under ~/reprogram-workbench/runs)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<String> notes = new ArrayList<>();
        RunSpec config = SpecOptions.read(spec, Method.REPROGRAM, notes);
        notes.forEach(System.out::println);
        return train(config, out);
    }

    /** Shared by train and demo. */
    static int train(RunSpec config, Path out) throws Exception {
        try (RunFolderLock claim = claimOut(out)) {
            Path[] dir = {out};
            TrainingListener console = new ConsoleProgress(System.out, config.optimization().epochs(), config.trainer().blackBox());
            return withSignals(control -> {
                TrainingResult r = RunLauncher.run(config, null, () -> {
                    if (dir[0] == null) {
                        dir[0] = new RunStore(AppPaths.defaultRunsDir()).newRunDir(config);
                    }
                    return dir[0];
                }, console, control, 0);
                printResult(r, dir[0]);
                return r.completed() ? 0 : 1;
            });
        }
    }

    /**
     * Before anything loads: OUT (when given) is a new or empty folder, writable, and claimed for
     * this run ({@link RunFolderLock}: a second process gets an error and touches nothing); null
     * when OUT is null (a new folder under the runs folder is made and claimed once the model and
     * data have loaded). The claim is checked again under the lock, so two processes started at
     * once cannot both pass.
     */
    static RunFolderLock claimOut(Path out) {
        if (out != null) {
            RunStore.requireFresh(out);
        }
        requireWritable(out);
        if (out == null) {
            return null;
        }
        RunFolderLock claim = RunLauncher.claim(out, true);
        try {
            RunStore.requireFresh(out);
            return claim;
        } catch (RuntimeException e) {
            try {
                claim.close();
            } catch (java.io.IOException ignored) {
                // the lock goes with the channel anyway
            }
            throw e;
        }
    }

    /** A training run given its control; returns the exit code. */
    @FunctionalInterface
    interface ControlledRun {
        int run(TrainingControl control) throws Exception;
    }

    /**
     * Runs RUN so that SIGTERM and Ctrl-C (SIGINT) end it cleanly: the shutdown hook asks the run to
     * stop at its next step and waits (up to a minute) until result.json says "interrupted" and the
     * last epoch checkpoint is on disk; the JVM then exits with 143 (SIGTERM) or 130 (SIGINT).
     */
    static int withSignals(ControlledRun run) throws Exception {
        TrainingControl control = new TrainingControl();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.interrupt();
            try {
                done.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "interrupt-training");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.run(control);
        } catch (Exception | Error e) {
            if (control.isInterrupted()) { // the JVM halts as soon as the hook returns: report now
                e.printStackTrace();
            }
            throw e;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run has ended
            }
        }
    }

    /** Before anything loads: OUT, or without it the default runs folder, can be created and written. */
    static void requireWritable(Path out) {
        if (out != null) {
            RunFolderAccess.requireWritable(out);
        } else {
            RunFolderAccess.requireWritable(AppPaths.defaultRunsDir(), "pass --out with a writable folder, or free"
                    + " disk space or fix the permissions of the default runs folder");
        }
    }

    static void printResult(TrainingResult r, Path dir) {
        if (!r.completed()) {
            System.err.println("error: run " + r.status() + ": " + r.message());
            if (r.status() == RunStatus.INTERRUPTED && dir != null) {
                System.err.println(CheckpointFile.exists(dir)
                        ? "continue it with: java -jar target/reprogram-workbench.jar resume " + dir
                        : "it ended before its first epoch finished, so there is no checkpoint to resume from; start"
                                + " it again with the same train command (with a new --out folder, or after deleting "
                                + dir + ")");
            }
        }
        System.out.printf(Locale.ROOT, "%s: test accuracy %.4f  trainable %,d  source %,d  wall %.1fs  %.0f img/s  peak RSS %.0f MB%n",
                r.status(), r.testAccuracy(), r.trainableParameters(), r.sourceParameters(), r.wallSeconds(),
                r.imagesPerSecond(), r.peakRssMegabytes());
        System.out.println("run saved to " + dir.toAbsolutePath() + " (" + RunFiles.RESULT + ", " + RunFiles.METRICS + ", "
                + RunFiles.PROGRAM_PNG + ", " + RunFiles.MAPPING_CSV + ", " + RunFiles.CONFIG + ")");
    }
}
