package org.reprogram.workbench.core.study.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.study.ConfigurationKey;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.EpochBudget;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.StudySpec;
import org.reprogram.workbench.core.study.StudyStatistics;
import org.reprogram.workbench.core.study.TrialOutcome;

/** The study report from hand-made trial outcomes (no training): every file, its contents and its figures. */
class StudyReportTest {

    private static final String SPEC = """
            name: digits_study 50%
            description: does a larger program help?
            method: grid
            base:
              data.target: sample-data/digits
            parameters:
              program.inner_size:
                values: [10, 14]
              optimization.lr:
                values: [0.001, 0.05]
            seeds: 3
            baselines: [linear-probe]
            early_terminate:
              type: hyperband
              min_iter: 1
              eta: 3
            """;

    @TempDir
    Path dir;

    private StudyResults results;
    private Path out;

    /** A: best by validation, not by test; B: best by test; C: one completed seed of three; a linear probe. */
    private static final ConfigurationKey A = reprogram("10", "0.001", "sample-data/digits");
    private static final ConfigurationKey B = reprogram("14", "0.05", "sample-data/digits");
    private static final ConfigurationKey C = reprogram("14", "0.001", "digits_50%");
    private static final ConfigurationKey PROBE = ConfigurationKey.of("linear-probe", Map.of("data.target",
            "sample-data/digits"));

    private static ConfigurationKey reprogram(String inner, String lr, String target) {
        return ConfigurationKey.of("reprogram", Map.of("program.inner_size", inner, "optimization.lr", lr,
                "data.target", target));
    }

    @BeforeEach
    void writeSpec() throws IOException {
        Path yaml = dir.resolve("study.yaml");
        Files.writeString(yaml, SPEC);
        StudySpec spec = StudySpec.read(yaml);
        List<TrialOutcome> outcomes = new ArrayList<>();
        double[][] figures = {{0.90, 0.80}, {0.85, 0.88}, {0.70, 0.65}};
        ConfigurationKey[] keys = {A, B, PROBE};
        long[] params = {1200, 2352, 650};
        for (int k = 0; k < keys.length; k++) {
            for (long seed = 0; seed < 3; seed++) {
                double wobble = 0.01 * (seed - 1);
                outcomes.add(TrialOutcome.completed("t" + k + "s" + seed, keys[k], seed, figures[k][0] + wobble,
                        figures[k][1] + wobble * (k + 1), params[k], 10 + seed, 1000 * (seed + 1)));
            }
        }
        outcomes.add(TrialOutcome.completed("c0", C, 0, 0.60, 0.55, 2352, 12, 900));
        outcomes.add(new TrialOutcome("c1", C, null, 1, Double.NaN, Double.NaN, 0, Double.NaN, 0, "failed"));
        outcomes.add(new TrialOutcome("c2", C, null, 2, Double.NaN, Double.NaN, 0, Double.NaN, 0, "stopped"));
        StudyStatistics stats = StudyStatistics.of(outcomes);
        EpochBudget budget = new EpochBudget(114, 300, List.of(new EpochBudget.Rung(1, 4, 2),
                new EpochBudget.Rung(3, 2, 0)));
        results = new StudyResults(dir, spec, spec.trials(), outcomes, stats, budget);
        out = dir.resolve("report");
    }

    @Test
    void writesEveryFileAndTheFiguresDecode() throws Exception {
        List<Path> files = StudyReport.write(results, out);
        List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("report.md", "leaderboard.csv", "leaderboard.tex", "accuracy.png", "accuracy.svg",
                "pareto.png", "pareto.svg", "parallel.png", "parallel.svg"), names);
        for (Path f : files) {
            assertTrue(Files.size(f) > 0, f + " is empty");
            assertEquals(out, f.getParent());
        }
        assertSize(out.resolve("accuracy.png"), AccuracyFigure.WIDTH, AccuracyFigure.height(4));
        assertSize(out.resolve("pareto.png"), ParetoFigure.WIDTH, ParetoFigure.HEIGHT);
        assertSize(out.resolve("parallel.png"), ParallelCoordinatesFigure.WIDTH, ParallelCoordinatesFigure.HEIGHT);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String svg : List.of("accuracy.svg", "pareto.svg", "parallel.svg")) {
            assertEquals("svg", xml.newDocumentBuilder().parse(out.resolve(svg).toFile()).getDocumentElement()
                    .getNodeName(), svg);
        }
    }

    private static void assertSize(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " does not decode");
        assertEquals(width * Figures.PNG_SCALE, image.getWidth(), png.toString());
        assertEquals(height * Figures.PNG_SCALE, image.getHeight(), png.toString());
    }

    @Test
    void theLeaderboardLeadsWithTheValidationWinnerNotTheTestBest() throws IOException {
        StudyStatistics stats = results.statistics();
        ConfigurationStats a = row(A);
        assertTrue(row(B).test().mean() > a.test().mean(), "B must be the best on test for this check");
        String table = LeaderboardTable.markdown(stats);
        List<String> rows = table.lines().skip(2).toList();
        assertEquals(4, rows.size(), table);
        assertTrue(rows.get(0).startsWith("| 1 | " + a.label() + " | 3 | "), rows.get(0));
        assertTrue(rows.get(0).contains(a.test().intervalInWords()), rows.get(0));
        StudyReport.write(results, out);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.startsWith("# Study: digits_study 50%\n"), md);
        assertTrue(md.contains(table), "report.md holds LeaderboardTable.markdown's table");
        assertTrue(md.contains(stats.summary()), "the summary in words");
        assertTrue(md.contains("chosen by validation"), md);
        assertTrue(md.contains("`program.inner_size`: 10, 14"), md);
        assertTrue(md.contains("`optimization.lr`: 0.001, 0.05"), md);
        assertTrue(md.contains("Seeds: 0, 1, 2"), md);
        assertTrue(md.contains("Baselines: linear-probe"), md);
        assertTrue(md.contains("used 38 % of the full grid's epoch budget (114 of 300 epochs)"), md);
        assertTrue(md.contains("rungs 1 epoch: 4 configurations, 2 promoted; 3 epochs: 2 configurations"), md);
        for (String figure : List.of("accuracy", "pareto", "parallel")) {
            assertTrue(md.contains("](" + figure + ".png)") && md.contains("(" + figure + ".svg)"), figure);
        }
    }

    @Test
    void oneSeedShowsNoIntervalAndNoNaNAndTheLeftOutTrialsAreNamed() throws IOException {
        StudyReport.write(results, out);
        ConfigurationStats c = row(C);
        assertEquals(1, c.n());
        String md = Files.readString(out.resolve("report.md"));
        String cRow = md.lines().filter(l -> l.startsWith("| ") && l.contains(c.label())).findFirst().orElseThrow();
        assertFalse(cRow.contains("["), "no interval with n = 1: " + cRow);
        assertTrue(cRow.contains("| 0.550 | – |"), cRow);
        for (String f : List.of("report.md", "leaderboard.csv", "leaderboard.tex")) {
            assertFalse(Files.readString(out.resolve(f)).contains("NaN"), f);
        }
        assertTrue(md.contains("Trials left out (2, not in the statistics): failed: c1; stopped: c2."), md);
    }

    @Test
    void theCsvHasOneRowPerConfigurationWithTheStatistics() throws IOException {
        StudyReport.write(results, out);
        List<List<String>> csv = parseCsv(Files.readString(out.resolve("leaderboard.csv")));
        List<String> header = csv.get(0);
        List<String> expected = new ArrayList<>(List.of("rank", "configuration", "method", "program.inner_size",
                "optimization.lr", "data.target"));
        expected.addAll(LeaderboardCsv.FIGURES);
        assertEquals(expected, header);
        List<ConfigurationStats> board = results.statistics().leaderboard();
        assertEquals(board.size(), csv.size() - 1);
        for (int i = 0; i < board.size(); i++) {
            ConfigurationStats c = board.get(i);
            List<String> r = csv.get(i + 1);
            assertEquals(header.size(), r.size(), r.toString());
            assertEquals(Integer.toString(i + 1), r.get(0));
            assertEquals(c.label(), r.get(1));
            assertEquals(c.key().settings().getOrDefault("optimization.lr", ""), r.get(header.indexOf("optimization.lr")));
            assertEquals(Integer.toString(c.n()), r.get(header.indexOf("n")));
            assertEquals(c.test().mean(), Double.parseDouble(r.get(header.indexOf("test_mean"))));
            assertEquals(c.validation().mean(), Double.parseDouble(r.get(header.indexOf("val_mean"))));
            assertEquals(c.meanTrainableParameters(), Double.parseDouble(r.get(header.indexOf("trainable_parameters"))));
            if (c.test().hasInterval()) {
                assertEquals(c.test().low(), Double.parseDouble(r.get(header.indexOf("test_ci_low"))));
                assertEquals(c.test().high(), Double.parseDouble(r.get(header.indexOf("test_ci_high"))));
            } else {
                assertEquals("", r.get(header.indexOf("test_ci_low")));
            }
            results.statistics().comparison(c.key()).ifPresent(p -> {
                assertEquals(p.verdict().words(), r.get(header.indexOf("verdict")));
                assertEquals(p.difference().mean(), Double.parseDouble(r.get(header.indexOf("diff_mean"))));
            });
        }
        assertEquals("", csv.get(board.indexOf(row(PROBE)) + 1).get(header.indexOf("program.inner_size")),
                "a setting that does not apply is empty");
    }

    @Test
    void theTexTableEscapesLabelsAndBoldsTheBestTestMean() throws IOException {
        StudyReport.write(results, out);
        String tex = Files.readString(out.resolve("leaderboard.tex"));
        String label = row(C).label();
        assertTrue(label.contains("_") && label.contains("%"), label);
        assertTrue(tex.contains(LeaderboardTex.escape(label)), tex);
        assertTrue(LeaderboardTex.escape(label).contains("digits\\_50\\%"), LeaderboardTex.escape(label));
        assertTrue(tex.contains("digits\\_study 50\\%"), "the caption's study name escaped");
        assertEquals("\\#\\$\\&\\{\\}\\_\\%", LeaderboardTex.escape("#$&{}_%"));
        for (String rule : List.of("\\toprule", "\\midrule", "\\bottomrule", "\\begin{tabular}", "\\caption{")) {
            assertTrue(tex.contains(rule), rule);
        }
        assertTrue(tex.contains("\\textbf{" + ReportFormat.num(row(B).test().mean())), "best test mean in bold");
        assertEquals(1, tex.split("\\\\textbf\\{", -1).length - 1, "one bold cell");
        assertTrue(tex.contains("chosen by mean best validation accuracy"), tex);
        String body = tex.substring(tex.indexOf("\\midrule"), tex.indexOf("\\bottomrule"));
        assertFalse(body.replace("\\_", "").replace("\\%", "").matches("(?s).*(?<!\\\\)[_%].*"),
                "no unescaped _ or % in the rows: " + body);
    }

    @Test
    void aStudyWithoutCompletedTrialsOrBaselinesStillGetsItsReport() throws IOException {
        List<TrialOutcome> failed = List.of(
                new TrialOutcome("f0", A, null, 0, Double.NaN, Double.NaN, 0, Double.NaN, 0, "failed"));
        StudyResults empty = new StudyResults(dir, results.spec(), results.trials(), failed,
                StudyStatistics.of(failed), new EpochBudget(0, 0, List.of()));
        List<Path> files = StudyReport.write(empty, out);
        assertEquals(9, files.size());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("No completed trial"), md);
        assertTrue(md.contains("failed: f0"), md);
        assertFalse(md.contains("NaN"), md);
        assertEquals(1, parseCsv(Files.readString(out.resolve("leaderboard.csv"))).size(), "the header alone");
        assertSize(out.resolve("accuracy.png"), AccuracyFigure.WIDTH, AccuracyFigure.height(0));

        List<TrialOutcome> single = List.of(TrialOutcome.completed("s0", A, 0, 0.9, 0.8, 100, 1, 1),
                TrialOutcome.completed("s1", B, 0, 0.8, 0.85, 200, 1, 1));
        StudyResults oneSeed = new StudyResults(dir, results.spec(), results.trials(), single,
                StudyStatistics.of(single), results.budget());
        StudyReport.write(oneSeed, out);
        for (String f : List.of("report.md", "leaderboard.csv", "leaderboard.tex")) {
            assertFalse(Files.readString(out.resolve(f)).contains("NaN"), f);
        }
        String table = LeaderboardTable.markdown(oneSeed.statistics());
        assertFalse(table.contains("["), "no interval anywhere with one seed: " + table);
        assertTrue(table.lines().skip(2).allMatch(l -> l.endsWith("| – |")), "no baseline to compare with: " + table);
    }

    private ConfigurationStats row(ConfigurationKey key) {
        return results.statistics().leaderboard().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    /** RFC 4180 records of TEXT (quoted fields with doubled quotes, CRLF line ends). */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertTrue(row.isEmpty() && field.isEmpty(), "the CSV ends with CRLF");
        return rows;
    }
}
