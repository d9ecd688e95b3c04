package org.reprogram.workbench.ui.runs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The compare chart: the chosen metric per epoch, one colour per run (training dashed next to
 * validation), a legend of short names (the full name in the tooltip), and "Save chart…" as PNG
 * (a snapshot of plot and legend) or SVG (drawn from the data). Binds only.
 */
final class CompareChartView extends BorderPane {

    private final ComparisonViewModel vm;
    private final Path runsFolder;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final VBox legend = new VBox(4);
    private final ScrollPane legendScroll = new ScrollPane(legend);
    private final Label chartPlaceholder = new Label();
    /** What a saved PNG shows: the plot and its legend. */
    private final HBox figure;

    /** The chart of VM's curves; its save dialog starts in RUNS_FOLDER. */
    CompareChartView(ComparisonViewModel vm, Path runsFolder) {
        this.vm = vm;
        this.runsFolder = runsFolder;
        ComboBox<CurveMetric> metric = new ComboBox<>();
        metric.setId("compareMetric");
        metric.getItems().setAll(CurveMetric.values());
        metric.valueProperty().bindBidirectional(vm.metric);
        metric.setTooltip(new Tooltip("What the chart plots per epoch; 'training + validation' draws the training"
                + " line dashed next to the solid validation line of each run"));
        Label hint = new Label();
        hint.setId("compareHint");
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(vm.hint);
        hint.visibleProperty().bind(Bindings.isNotEmpty(vm.curves)); // else the placeholder says it
        Button save = new Button("Save chart…");
        save.setId("saveChart");
        save.setTooltip(new Tooltip("Save the chart with its legend as PNG (a picture, twice the screen's"
                + " resolution) or SVG (vector lines drawn from the data, for papers and slides)"));
        save.disableProperty().bind(Bindings.isEmpty(vm.curves));
        save.setOnAction(e -> saveChart());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        HBox top = new HBox(8, new Label("Plot"), metric, hint, gap, save);
        top.setAlignment(Pos.CENTER_LEFT);

        x.setLabel("epoch");
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                // the axis also marks its upper bound, which sits a little after the last epoch: no label there
                return Math.abs(v - Math.rint(v)) < 1e-6 ? Long.toString(Math.round(v)) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.parseInt(s);
            }
        });
        y.setForceZeroInRange(false);
        chart.setId("compareChart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinSize(200, 150);
        chartPlaceholder.setId("compareChartPlaceholder");
        chartPlaceholder.getStyleClass().add("hint");
        chartPlaceholder.setWrapText(true);
        StackPane plot = new StackPane(chart, chartPlaceholder);
        legend.setId("compareLegend");
        legend.setPadding(new Insets(4));
        legendScroll.setFitToWidth(true);
        legendScroll.setPrefWidth(LEGEND_MIN);
        legendScroll.setMinWidth(160);
        legendScroll.getStyleClass().add("edge-to-edge");
        vm.curves.addListener((ListChangeListener<ComparisonViewModel.Curve>) c -> redraw());
        redraw();
        HBox.setHgrow(plot, Priority.ALWAYS);
        figure = new HBox(plot, legendScroll);
        figure.setId("compareFigure");
        setCenter(figure);
        setTop(top);
        setMargin(top, new Insets(4, 0, 4, 0));
    }

    /** Rebuilds the chart and its legend from the view model's curves. */
    private void redraw() {
        chart.getData().clear();
        legend.getChildren().clear();
        List<ComparisonViewModel.Curve> curves = List.copyOf(vm.curves);
        int maxEpoch = 1;
        int points = 0;
        int longest = 0;
        for (ComparisonViewModel.Curve c : curves) {
            for (double[] p : c.points()) {
                maxEpoch = Math.max(maxEpoch, (int) Math.ceil(p[0]));
            }
            points += c.points().size();
            longest = Math.max(longest, c.points().size());
        }
        boolean empty = points == 0;
        chart.setVisible(!empty);
        chartPlaceholder.setVisible(empty);
        chartPlaceholder.setText(curves.isEmpty() ? vm.hint.get()
                : "The selected runs have no values of '"
                        + vm.metric.get().title().toLowerCase(java.util.Locale.ROOT) + "' yet.");
        int tick = ComparisonViewModel.epochTick(maxEpoch);
        x.setLowerBound(0);
        // whole-number ticks; room after the last epoch so its point is not cut by the plot's edge
        x.setUpperBound(Math.max((maxEpoch + tick - 1) / tick * tick, maxEpoch + 0.3 * tick));
        x.setTickUnit(tick);
        y.setLabel(vm.metric.get().axis());
        chart.setCreateSymbols(longest <= 40);
        List<String> seen = new ArrayList<>();
        for (ComparisonViewModel.Curve c : curves) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.name() + (c.label().isEmpty() ? "" : " (" + c.label() + ")"));
            c.points().forEach(p -> s.getData().add(new XYChart.Data<>(p[0], p[1])));
            chart.getData().add(s);
            String color = ComparisonView.color(c.color());
            if (s.getNode() != null) {
                s.getNode().setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 2;"
                        + (c.dashed() ? " -fx-stroke-dash-array: 6 5;" : ""));
            }
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null) {
                    d.getNode().setStyle("-fx-background-color: " + color + ", white;"
                            + (c.dashed() ? " -fx-background-insets: 0, 2; -fx-padding: 3;" : ""));
                }
            }
            if (!seen.contains(c.folder())) {
                seen.add(c.folder());
                legend.getChildren().add(legendEntry(c, color));
            }
        }
        if (vm.metric.get().trainAndVal() && !curves.isEmpty()) {
            Label key = new Label("solid: validation · dashed: training");
            key.getStyleClass().add("hint");
            legend.getChildren().add(key);
        }
        fitLegend();
    }

    /** The legend's narrowest and widest preferred width; in between, as wide as its longest name. */
    static final double LEGEND_MIN = 240;
    static final double LEGEND_MAX = 380;

    /**
     * The legend as wide as its longest entry (within LEGEND_MIN..LEGEND_MAX), so that a short name
     * such as "pad · ilm · epochs 1 · step · seed 3" stays on one line instead of wrapping "seed / 3".
     */
    private void fitLegend() {
        double widest = 0;
        for (javafx.scene.Node n : legend.getChildren()) {
            if (n instanceof Label l) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(l.getText());
                t.setFont(l.getFont());
                double graphic = l.getGraphic() == null ? 0 : 18 + l.getGraphicTextGap();
                widest = Math.max(widest, t.getLayoutBounds().getWidth() + graphic);
            }
        }
        // the legend's padding, the label's own room and a vertical scroll bar
        legendScroll.setPrefWidth(Math.min(LEGEND_MAX, Math.max(LEGEND_MIN, widest + 8 + 8 + 16)));
    }

    private static Label legendEntry(ComparisonViewModel.Curve c, String color) {
        Line swatch = new Line(0, 0, 18, 0);
        swatch.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 3;");
        Label l = new Label(c.name(), swatch);
        l.setWrapText(true);
        l.setTooltip(new Tooltip(c.fullName().equals(c.folder()) ? c.folder() : c.fullName() + "\n" + c.folder()));
        return l;
    }

    private void saveChart() {
        FileChooser.ExtensionFilter svg = new FileChooser.ExtensionFilter("SVG vector drawing", "*.svg");
        FileChooser fc = chooser(runsFolder, "Save the chart", vm.save.chartName() + ".png",
                new FileChooser.ExtensionFilter("PNG picture", "*.png"), svg);
        File out = fc.showSaveDialog(getScene().getWindow());
        if (out == null) {
            return;
        }
        String lower = out.getName().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".svg") || !lower.contains(".") && fc.getSelectedExtensionFilter() == svg) {
            vm.save.svg(lower.endsWith(".svg") ? out.toPath() : out.toPath().resolveSibling(out.getName() + ".svg"));
            return;
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        params.setTransform(new Scale(2, 2)); // sharper than the screen, for slides and papers
        WritableImage img = figure.snapshot(params, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Path png = out.getName().contains(".") ? out.toPath() : out.toPath().resolveSibling(out.getName() + ".png");
        vm.save.png(png, w, h, argb);
    }

    /** A save dialog titled TITLE that starts in the runs folder with NAME, offering FILTERS. */
    static FileChooser chooser(Path runsFolder, String title, String name, FileChooser.ExtensionFilter... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(name);
        fc.getExtensionFilters().addAll(filters);
        if (runsFolder != null && Files.isDirectory(runsFolder)) {
            fc.setInitialDirectory(runsFolder.toFile());
        }
        return fc;
    }
}
