package org.reprogram.workbench.core.study.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * Test accuracy per configuration (at the best validation epoch) as a forest plot: one row per
 * configuration in the leaderboard's order (best by validation at the top, numbered by rank, its
 * full label at the left), the mean as a dot with its 95 % confidence interval as a horizontal bar
 * (none for n = 1, which says so), baselines as orange diamonds and the best baseline's mean as a
 * dashed line. Drawn with Java2D rather than XChart: XChart's category axis drops or cuts the long
 * configuration labels a study has, and rows keep them readable however many there are.
 */
final class AccuracyFigure {

    static final int WIDTH = 1000;
    private static final int ROW = 26;
    private static final int TOP = 84;
    private static final int BOTTOM = 64;
    private static final int RIGHT = 60;
    private static final int MAX_LABEL = 520;

    private AccuracyFigure() {}

    /** The figure's height for ROWS configurations. */
    static int height(int rows) {
        return TOP + ROW * Math.max(rows, 1) + BOTTOM;
    }

    /** The figure of STATS written as DIR/NAME.png and .svg. */
    static List<Path> write(StudyStatistics stats, Path dir, String name) {
        int rows = stats.leaderboard().size();
        return Figures.save((g, size) -> paint(g, size[0], size[1], stats), WIDTH, height(rows), dir, name);
    }

    private static void paint(Graphics2D g, int width, int height, StudyStatistics stats) {
        List<ConfigurationStats> board = stats.leaderboard();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setColor(Color.BLACK);
        g.setFont(Figures.TITLE);
        Figures.centred(g, "Test accuracy per configuration (mean, 95 % CI), best by validation at the top", width / 2.0, 28);
        g.setFont(Figures.TICKS);
        FontMetrics fm = g.getFontMetrics();
        List<String> labels = new java.util.ArrayList<>();
        double labelWidth = 0;
        for (int i = 0; i < board.size(); i++) {
            String l = Figures.fit(fm, (i + 1) + ". " + board.get(i).label(), MAX_LABEL);
            labels.add(l);
            labelWidth = Math.max(labelWidth, fm.stringWidth(l));
        }
        double left = Math.max(120, labelWidth + 24);
        double right = width - RIGHT;
        double bottom = height - BOTTOM;
        double lo = board.stream().mapToDouble(c -> c.test().hasInterval() ? c.test().low() : c.test().mean()).min()
                .orElse(0);
        double hi = board.stream().mapToDouble(c -> c.test().hasInterval() ? c.test().high() : c.test().mean()).max()
                .orElse(1);
        List<Double> ticks = NiceTicks.of(lo, hi, 6);
        double t0 = ticks.get(0);
        double t1 = ticks.get(ticks.size() - 1);
        java.util.function.DoubleUnaryOperator x = v -> left + (right - left) * (v - t0) / (t1 - t0);
        legend(g, fm, width, stats);
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks) {
            g.setColor(new Color(225, 225, 225));
            g.draw(new Line2D.Double(x.applyAsDouble(t), TOP, x.applyAsDouble(t), bottom));
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(x.applyAsDouble(t), bottom, x.applyAsDouble(t), bottom + 4));
            Figures.centred(g, tickLabel(t), x.applyAsDouble(t), bottom + 6 + fm.getAscent());
        }
        g.setColor(Color.GRAY);
        g.draw(new Rectangle2D.Double(left, TOP, right - left, bottom - TOP));
        Optional<ConfigurationStats> baseline = stats.bestBaseline();
        baseline.ifPresent(b -> {
            g.setColor(Figures.BASELINE);
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.draw(new Line2D.Double(x.applyAsDouble(b.test().mean()), TOP, x.applyAsDouble(b.test().mean()), bottom));
        });
        for (int i = 0; i < board.size(); i++) {
            ConfigurationStats c = board.get(i);
            double y = TOP + ROW * (i + 0.5);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), (float) (left - 12 - fm.stringWidth(labels.get(i))),
                    (float) (y + fm.getAscent() / 2.0 - 1));
            Color colour = c.isBaseline() ? Figures.BASELINE : Figures.REPROGRAM;
            g.setColor(colour);
            g.setStroke(new BasicStroke(1.6f));
            double m = x.applyAsDouble(c.test().mean());
            if (c.test().hasInterval()) {
                double a = x.applyAsDouble(c.test().low());
                double b = x.applyAsDouble(c.test().high());
                g.draw(new Line2D.Double(a, y, b, y));
                g.draw(new Line2D.Double(a, y - 5, a, y + 5));
                g.draw(new Line2D.Double(b, y - 5, b, y + 5));
            } else {
                g.setColor(Color.DARK_GRAY);
                g.drawString("n = 1", (float) (m + 10), (float) (y + fm.getAscent() / 2.0 - 1));
                g.setColor(colour);
            }
            g.fill(marker(c.isBaseline(), m, y));
        }
        g.setColor(Color.BLACK);
        g.setFont(Figures.AXIS_TITLE);
        Figures.centred(g, "test accuracy at the best validation epoch",
                (left + right) / 2, height - 14);
    }

    /** The key under the title: the two markers and the best baseline's line. */
    private static void legend(Graphics2D g, FontMetrics fm, int width, StudyStatistics stats) {
        String a = "reprogramming";
        String b = "baseline";
        String c = stats.bestBaseline().map(s -> "best baseline's mean (" + s.label() + ")").orElse("");
        double total = 16 + fm.stringWidth(a) + 24 + 16 + fm.stringWidth(b) + (c.isEmpty() ? 0 : 24 + 26 + fm.stringWidth(c));
        double cx = width / 2.0 - total / 2;
        double y = 56;
        g.setColor(Figures.REPROGRAM);
        g.fill(marker(false, cx + 5, y - 4));
        g.setColor(Color.BLACK);
        g.drawString(a, (float) (cx + 16), (float) y);
        cx += 16 + fm.stringWidth(a) + 24;
        g.setColor(Figures.BASELINE);
        g.fill(marker(true, cx + 5, y - 4));
        g.setColor(Color.BLACK);
        g.drawString(b, (float) (cx + 16), (float) y);
        if (!c.isEmpty()) {
            cx += 16 + fm.stringWidth(b) + 24;
            g.setColor(Figures.BASELINE);
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.draw(new Line2D.Double(cx, y - 4, cx + 20, y - 4));
            g.setColor(Color.BLACK);
            g.drawString(c, (float) (cx + 26), (float) y);
        }
    }

    private static Shape marker(boolean baseline, double x, double y) {
        if (!baseline) {
            return new Ellipse2D.Double(x - 5, y - 5, 10, 10);
        }
        Path2D.Double d = new Path2D.Double();
        d.moveTo(x, y - 6.5);
        d.lineTo(x + 6.5, y);
        d.lineTo(x, y + 6.5);
        d.lineTo(x - 6.5, y);
        d.closePath();
        return d;
    }

    /** A tick's text: as few decimals as the step needs (0.75, 0.8, 0.85 as 0.75, 0.80, 0.85). */
    private static String tickLabel(double t) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", t);
        return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }
}
