package org.reprogram.workbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.study.StudyFolder;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudyResultsReader;
import org.reprogram.workbench.core.study.report.StudyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code study report STUDY_DIR}: report.md, leaderboard.csv/.tex and figures from the study's folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the study's report (report.md, leaderboard.csv, leaderboard.tex, figures as PNG and SVG)"
                + " into STUDY_DIR/report from its run folders.")
public final class StudyReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY_DIR", description = "the folder of a 'study run'")
    Path dir;

    @Override
    public Integer call() throws Exception {
        write(StudyResultsReader.read(StudyFolder.open(dir)), System.out);
        return 0;
    }

    /** Writes RESULTS' report into its folder and prints the summary and the files. */
    static void write(StudyResults results, PrintStream out) throws Exception {
        List<Path> files = StudyReport.write(results, results.dir().resolve(StudyFolder.REPORT));
        out.println(results.statistics().summary());
        out.println("report: " + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList())
                + " in " + results.dir().resolve(StudyFolder.REPORT).toAbsolutePath());
    }
}
