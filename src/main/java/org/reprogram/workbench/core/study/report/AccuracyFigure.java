package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyStatistics;

/**
 * Test accuracy per configuration (at the best validation epoch): the mean as a dot with its 95 %
 * confidence interval as an error bar (none for n = 1), configurations in the leaderboard's order
 * (best by validation first, numbered by rank), baselines in their own colour.
 */
final class AccuracyFigure {

    static final int WIDTH = 900;
    static final int HEIGHT = 700;

    private AccuracyFigure() {}

    static CategoryChart chart(StudyStatistics stats) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Test accuracy per configuration (mean, 95 % CI)")
                .xAxisTitle("configuration, by rank on validation")
                .yAxisTitle("test accuracy at best validation epoch").build();
        Figures.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(9);
        List<String> labels = new ArrayList<>();
        int rank = 1;
        for (ConfigurationStats c : stats.leaderboard()) {
            labels.add(rank++ + ". " + shorten(c.label()));
        }
        add(chart, "reprogramming", labels, stats.leaderboard(), false);
        add(chart, "baseline", labels, stats.leaderboard(), true);
        double low = stats.leaderboard().stream().mapToDouble(c -> c.test().hasInterval() ? c.test().low()
                : c.test().mean()).min().orElse(0);
        double high = stats.leaderboard().stream().mapToDouble(c -> c.test().hasInterval() ? c.test().high()
                : c.test().mean()).max().orElse(1);
        double pad = Math.max(0.01, (high - low) * 0.08);
        chart.getStyler().setYAxisMin(Math.max(0, low - pad));
        chart.getStyler().setYAxisMax(Math.min(1, high + pad));
        return chart;
    }

    /** The series of the baselines (BASELINES true) or the others; NaN (not drawn) where a configuration is of the other kind. */
    private static void add(CategoryChart chart, String name, List<String> labels, List<ConfigurationStats> board,
            boolean baselines) {
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        boolean any = false;
        for (ConfigurationStats c : board) {
            boolean mine = c.isBaseline() == baselines;
            any |= mine;
            means.add(mine ? c.test().mean() : Double.NaN);
            errors.add(!mine ? Double.NaN : c.test().hasInterval() ? c.test().halfWidth() : 0.0);
        }
        if (!any) {
            return;
        }
        CategorySeries s = chart.addSeries(name, labels, means, errors);
        s.setMarker(baselines ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        s.setMarkerColor(baselines ? Figures.BASELINE : Figures.REPROGRAM);
        s.setLineColor(baselines ? Figures.BASELINE : Figures.REPROGRAM);
    }

    /** LABEL cut to a tick label's length. */
    static String shorten(String label) {
        return label.length() <= 56 ? label : label.substring(0, 55) + "…";
    }
}
