package org.reprogram.workbench.core.study.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.SweepParameter;

/**
 * Parallel coordinates of the reprogramming configurations (baselines have no swept settings): one
 * vertical axis per swept setting ({@link ParallelAxis}) and mean best validation accuracy, the
 * study's metric, at the right; one line per configuration coloured by that metric (viridis, best
 * drawn last, on top). Drawn with Java2D (XChart has no chart with several labelled vertical axes)
 * and written as PNG and SVG.
 */
final class ParallelCoordinatesFigure {

    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 150;
    private static final int TOP = 80;
    private static final int BOTTOM = 70;

    private ParallelCoordinatesFigure() {}

    /** The figure of RESULTS written as DIR/NAME.png and .svg. */
    static List<Path> write(StudyResults results, Path dir, String name) {
        List<ConfigurationStats> configs = results.statistics().leaderboard().stream()
                .filter(c -> !c.isBaseline())
                .sorted(Comparator.comparingDouble(c -> c.validation().mean())).toList();
        List<ParallelAxis> axes = new ArrayList<>();
        for (SweepParameter p : results.spec().parameters()) {
            List<String> values = configs.stream().map(c -> SweptSettings.value(c.key(), p.id())).toList();
            List<String> order = p.values().stream().map(v -> p.setting().parameter().formatObject(v)).toList();
            axes.add(ParallelAxis.of(p.id(), values, order));
        }
        List<Double> metric = configs.stream().map(c -> c.validation().mean()).toList();
        axes.add(ParallelAxis.metric("best val. accuracy (mean)", metric));
        return Figures.save((g, size) -> paint(g, size[0], size[1], axes, configs.size()), WIDTH, HEIGHT, dir, name);
    }

    private static void paint(Graphics2D g, int width, int height, List<ParallelAxis> axes, int lines) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setColor(Color.BLACK);
        g.setFont(Figures.TITLE);
        Figures.centred(g, "Swept settings against validation accuracy", width / 2.0, 28);
        g.setFont(Figures.TICKS);
        g.setColor(Color.DARK_GRAY);
        Figures.centred(g, "one line per reprogramming configuration, coloured by mean best validation accuracy"
                + (lines == 0 ? " (none completed)" : ""), width / 2.0, 50);
        double plotTop = TOP;
        double plotHeight = height - TOP - BOTTOM;
        int k = axes.size();
        double step = k == 1 ? 0 : (width - LEFT - RIGHT) / (double) (k - 1);
        ParallelAxis metric = axes.get(k - 1);
        double[][] spread = new double[k][];
        for (int a = 0; a < k; a++) {
            spread[a] = a == k - 1 ? new double[lines] : spread(axes.get(a).positions());
        }
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int line = 0; line < lines; line++) {
            Path2D.Double path = new Path2D.Double();
            for (int a = 0; a < k; a++) {
                double x = LEFT + a * step;
                double y = plotTop + plotHeight * (1 - axes.get(a).positions().get(line)) + spread[a][line];
                if (a == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.setColor(Viridis.at(metric.positions().get(line), 220));
            g.draw(path);
        }
        for (int a = 0; a < k; a++) {
            axis(g, axes.get(a), LEFT + a * step, plotTop, plotHeight, a == k - 1);
        }
        colourBar(g, LEFT + (k - 1) * step + 70, plotTop, plotHeight);
    }

    /**
     * Pixel offsets that fan out the lines meeting at one tick (same position), so that each stays
     * visible: in the order given (worst metric first), the better ones higher, at most 5 px apart
     * and 40 px in all.
     */
    static double[] spread(List<Double> positions) {
        double[] out = new double[positions.size()];
        java.util.Map<Double, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            groups.computeIfAbsent(positions.get(i), p -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : groups.values()) {
            int n = group.size();
            double gap = Math.min(5, 40.0 / n);
            for (int j = 0; j < n; j++) {
                out[group.get(j)] = -(j - (n - 1) / 2.0) * gap;
            }
        }
        return out;
    }

    private static void axis(Graphics2D g, ParallelAxis axis, double x, double top, double height, boolean last) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(x, top, x, top + height));
        g.setFont(Figures.TICKS);
        FontMetrics fm = g.getFontMetrics();
        for (ParallelAxis.Tick t : axis.ticks()) {
            double y = top + height * (1 - t.position());
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(x - 4, y, x, y));
            double w = fm.stringWidth(t.label());
            double tx = last ? x + 8 : x - 8 - w;
            g.setColor(new Color(255, 255, 255, 215));
            g.fill(new Rectangle2D.Double(tx - 2, y - fm.getAscent() / 2.0 - 2, w + 4, fm.getAscent() + 3));
            g.setColor(Color.BLACK);
            g.drawString(t.label(), (float) tx, (float) (y + fm.getAscent() / 2.0 - 1));
        }
        g.setFont(Figures.AXIS_TITLE);
        Figures.centred(g, axis.title(), x, top + height + 30);
    }

    /** A vertical strip of the colour scale beside the metric's axis, low at the bottom. */
    private static void colourBar(Graphics2D g, double x, double top, double height) {
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            double f = (double) i / (steps - 1);
            g.setColor(Viridis.at(f, 255));
            double y = top + height * (1 - (i + 1.0) / steps);
            g.fill(new Rectangle2D.Double(x, y, 12, height / steps + 0.6));
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(x, top, 12, height));
    }
}
