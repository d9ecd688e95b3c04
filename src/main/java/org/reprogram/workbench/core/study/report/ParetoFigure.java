package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * Mean test accuracy against mean trainable parameters (log scale), one point per configuration
 * numbered by its rank on the leaderboard, baselines in their own colour, and the Pareto front
 * (no other configuration has at least as much accuracy with at most as many parameters, one of
 * them strictly) as a step line: the best accuracy reachable within a parameter budget.
 */
final class ParetoFigure {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private ParetoFigure() {}

    static XYChart chart(StudyStatistics stats) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Test accuracy against trainable parameters")
                .xAxisTitle("trainable parameters (mean, log scale)")
                .yAxisTitle("test accuracy at best validation epoch (mean)").build();
        Figures.style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        List<ConfigurationStats> points = plotted(stats);
        List<ConfigurationStats> front = front(points);
        if (front.size() > 1) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < front.size(); i++) {
                if (i > 0) {
                    x.add(front.get(i).meanTrainableParameters());
                    y.add(front.get(i - 1).test().mean());
                }
                x.add(front.get(i).meanTrainableParameters());
                y.add(front.get(i).test().mean());
            }
            XYSeries f = chart.addSeries("Pareto front", x, y);
            f.setMarker(SeriesMarkers.NONE);
            f.setLineColor(Figures.ACCENT);
            f.setLineStyle(SeriesLines.DASH_DASH);
        }
        points(chart, "reprogramming (number: rank)", points, false);
        points(chart, "baseline", points, true);
        range(chart, points);
        rankLabels(chart, stats, points);
        return chart;
    }

    /**
     * Each point's rank, beside it where no earlier rank sits: up right, down right, up left or down
     * left of the point, the first of these at least a label's size away from every point and every
     * label placed before (checked on the axes' scales, log for x).
     */
    private static void rankLabels(XYChart chart, StudyStatistics stats, List<ConfigurationStats> points) {
        double x0 = Math.log10(chart.getStyler().getXAxisMin());
        double xSpan = Math.log10(chart.getStyler().getXAxisMax()) - x0;
        double y0 = chart.getStyler().getYAxisMin();
        double ySpan = chart.getStyler().getYAxisMax() - y0;
        double[][] offsets = {{0.018, 0.04}, {0.018, -0.05}, {-0.018, 0.04}, {-0.018, -0.05}};
        List<double[]> placed = new ArrayList<>();
        for (ConfigurationStats c : points) {
            placed.add(new double[] {(Math.log10(c.meanTrainableParameters()) - x0) / xSpan,
                (c.test().mean() - y0) / ySpan});
        }
        int rank = 0;
        for (ConfigurationStats c : stats.leaderboard()) {
            rank++;
            if (!points.contains(c)) {
                continue;
            }
            double px = (Math.log10(c.meanTrainableParameters()) - x0) / xSpan;
            double py = (c.test().mean() - y0) / ySpan;
            double[] at = null;
            for (double[] o : offsets) {
                double[] candidate = {px + o[0], py + o[1]};
                if (placed.stream().noneMatch(p -> Math.abs(p[0] - candidate[0]) < 0.025
                        && Math.abs(p[1] - candidate[1]) < 0.04)) {
                    at = candidate;
                    break;
                }
            }
            if (at == null) {
                at = new double[] {px + offsets[0][0], py + offsets[0][1]};
            }
            placed.add(at);
            chart.addAnnotation(new AnnotationText(Integer.toString(rank), Math.pow(10, x0 + at[0] * xSpan),
                    y0 + at[1] * ySpan, false));
        }
    }

    /**
     * Axis ranges with room around the points for their rank numbers: the x axis from the power of
     * ten below the fewest parameters / 1.5 to the one above the most x 1.5, so that at least two
     * decades are labelled (labels at 1..9 x 10^k run into each other; XChart labels a log axis
     * with its own ticks only).
     */
    private static void range(XYChart chart, List<ConfigurationStats> points) {
        double minX = points.stream().mapToDouble(ConfigurationStats::meanTrainableParameters).min().orElse(1);
        double maxX = points.stream().mapToDouble(ConfigurationStats::meanTrainableParameters).max().orElse(10);
        double minY = points.stream().mapToDouble(c -> c.test().mean()).min().orElse(0);
        double maxY = points.stream().mapToDouble(c -> c.test().mean()).max().orElse(1);
        double pad = Math.max(0.01, (maxY - minY) * 0.1);
        chart.getStyler().setXAxisMin(Math.pow(10, Math.floor(Math.log10(minX / 1.5))));
        chart.getStyler().setXAxisMax(Math.pow(10, Math.ceil(Math.log10(maxX * 1.5))));
        chart.getStyler().setYAxisMin(Math.max(0, minY - pad));
        chart.getStyler().setYAxisMax(Math.min(1, maxY + pad));
    }

    /** The configurations that can be placed on a log axis (more than 0 parameters). */
    static List<ConfigurationStats> plotted(StudyStatistics stats) {
        return stats.leaderboard().stream().filter(c -> c.meanTrainableParameters() > 0).toList();
    }

    /** The Pareto front of POINTS (more accuracy, fewer parameters), fewest parameters first. */
    static List<ConfigurationStats> front(List<ConfigurationStats> points) {
        List<ConfigurationStats> front = new ArrayList<>();
        for (ConfigurationStats c : points) {
            boolean dominated = points.stream().anyMatch(o -> o != c
                    && o.test().mean() >= c.test().mean() && o.meanTrainableParameters() <= c.meanTrainableParameters()
                    && (o.test().mean() > c.test().mean() || o.meanTrainableParameters() < c.meanTrainableParameters()));
            if (!dominated) {
                front.add(c);
            }
        }
        front.sort(Comparator.comparingDouble(ConfigurationStats::meanTrainableParameters)
                .thenComparingDouble(c -> c.test().mean()));
        return front;
    }

    private static void points(XYChart chart, String name, List<ConfigurationStats> all, boolean baselines) {
        List<ConfigurationStats> mine = all.stream().filter(c -> c.isBaseline() == baselines).toList();
        if (mine.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, mine.stream().map(ConfigurationStats::meanTrainableParameters).toList(),
                mine.stream().map(c -> c.test().mean()).toList());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(baselines ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        s.setMarkerColor(baselines ? Figures.BASELINE : Figures.REPROGRAM);
    }
}
