package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code study run SPEC.yaml --out STUDY_DIR}: starts a study. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the study in SPEC.yaml into a new folder; then write its report.")
public final class StudyRunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC.yaml", description = "the study spec (see docs/studies/example.yaml)")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "STUDY_DIR", description = "the study folder to create"
            + " (new or empty): runs/, report/ and the spec's copy go there")
    Path out;

    @Mixin
    StudyBackendOptions backend;

    @Override
    public Integer call() throws Exception {
        BackendChoice choice = backend.over(BackendChoice.local());
        StudyFolder folder = StudyFolder.create(out, specFile);
        choice.write(out);
        return StudyExecution.run(folder, choice);
    }
}
