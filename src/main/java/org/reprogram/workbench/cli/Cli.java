package org.reprogram.workbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The headless command line: {@code java -jar reprogram-workbench.jar COMMAND [options]}. */
@Command(name = "reprogram-workbench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Model reprogramming: reuse a frozen classifier for a new task by learning an input program"
                + " and a label mapping. Without a command the workbench window opens.",
        subcommands = {TrainCommand.class, ResumeCommand.class, PredictCommand.class, ExportCommand.class,
            BaselineCommand.class, CompareCommand.class, DemoCommand.class,
            ModelsCommand.class, PretrainCommand.class, BenchCommand.class, BenchmarkCommand.class, StudyCommand.class,
            CommandLine.HelpCommand.class})
public final class Cli implements Callable<Integer> {

    /** Exit code for bad user input (missing file, wrong option value). */
    public static final int EXIT_USAGE = 2;

    /**
     * Declared once here and inherited by every command: accepted before the command name
     * ({@code reprogram-workbench --verbose train ...}) or among a command's own options, in any
     * position, and listed in each command's --help. Read by the error handler through
     * {@link #verbose(ParseResult)}.
     */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "print stack traces of errors (before or after the command name)")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** No command given (options only): a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
    }

    /** Runs ARGS and returns the process exit code (0 ok, 1 training failed, 2 bad input). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean verbose = verbose(parsed);
            PrintWriter err = cmd.getErr();
            if (ex instanceof UserInputException || ex instanceof IllegalArgumentException) {
                err.println("error: " + ex.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return EXIT_USAGE;
            }
            err.println("error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            err.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }

    /**
     * True when --verbose was given anywhere: the handler gets the top-level parse result, while
     * the option usually belongs to the subcommand's.
     */
    static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
