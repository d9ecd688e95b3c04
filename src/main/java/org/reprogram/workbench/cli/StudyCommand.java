package org.reprogram.workbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code study}: sweeps of runs over methods, settings, sources and seeds, executed on Apache Spark. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {"Studies: a sweep of runs (settings, methods, sources, seeds, baselines) from a YAML spec in"
                + " the form of Weights & Biases sweep files, run as Apache Spark tasks (in this JVM by default, or on a"
                + " cluster given by --master), with statistics and a report. docs/studies/example.yaml shows every key."},
        subcommands = {StudyRunCommand.class, StudyResumeCommand.class, StudyStatusCommand.class,
            StudyReportCommand.class})
public final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a study command: run, resume, status or report");
    }
}
