package org.reprogram.workbench.core.study.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.study.StudyResults;

/**
 * A study's report, written from its results without a screen: report.md (what was swept, the
 * outcome in words, the leaderboard), leaderboard.csv, leaderboard.tex (booktabs) and three figures,
 * each as PNG and SVG: accuracy (test accuracy with 95 % CI per configuration), pareto (accuracy
 * against trainable parameters) and parallel (the swept settings against the metric).
 */
public final class StudyReport {

    private StudyReport() {}

    /**
     * Writes the report of RESULTS into OUT_DIR (created if needed; files of the same names are
     * replaced). The figures are drawn off screen: java.awt.headless is set to true unless the
     * process chose otherwise, so that no display is needed (nor touched where one is set but
     * unreachable).
     *
     * @return the files written, report.md first
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<Path> write(StudyResults results, Path outDir) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            written.add(text(outDir.resolve("report.md"), ReportMarkdown.text(results)));
            written.add(text(outDir.resolve("leaderboard.csv"), LeaderboardCsv.text(results)));
            String name = results.spec().name().isEmpty() ? results.dir().getFileName().toString() : results.spec().name();
            written.add(text(outDir.resolve("leaderboard.tex"), LeaderboardTex.text(name, results.statistics())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDir + ": " + e.getMessage(), e);
        }
        written.addAll(AccuracyFigure.write(results.statistics(), outDir, "accuracy"));
        written.addAll(Figures.save(ParetoFigure.chart(results.statistics()), outDir, "pareto"));
        written.addAll(ParallelCoordinatesFigure.write(results, outDir, "parallel"));
        return List.copyOf(written);
    }

    private static Path text(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
