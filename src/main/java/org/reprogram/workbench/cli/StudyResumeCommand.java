package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code study resume STUDY_DIR}: finishes a study that was stopped or killed. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Finish the study in STUDY_DIR after its driver was stopped or killed: trials whose run folders"
                + " are there are not run again, trials paused at a rung continue from their checkpoints.",
            "It runs where the study ran (backend.json) unless --master etc. say otherwise."})
public final class StudyResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY_DIR", description = "the folder of a 'study run'")
    Path dir;

    @Mixin
    StudyBackendOptions backend;

    @Override
    public Integer call() throws Exception {
        StudyFolder folder = StudyFolder.open(dir);
        BackendChoice choice = backend.over(BackendChoice.read(dir));
        choice.write(dir);
        return StudyExecution.run(folder, choice);
    }
}
