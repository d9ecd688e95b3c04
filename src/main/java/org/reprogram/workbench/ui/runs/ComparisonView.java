package org.reprogram.workbench.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import org.reprogram.workbench.core.run.RunParameter;

/**
 * The comparison of the selected runs, in three tabs: curves of a chosen metric (one colour per
 * run, training dashed next to validation), the table with the settings that differ as columns,
 * and the learned programs and mappings side by side. Binds only.
 */
public final class ComparisonView extends TabPane {

    /** Run colours, by place in the selection (lines, legend and side-by-side headers). */
    static final List<String> COLORS = List.of("#2f6fd0", "#e07b39", "#2e9d5b", "#c0392b", "#8e5cc4", "#1a9fa3",
            "#b8860b", "#d1478f", "#5d6d7e", "#7a8c1f");

    private final ComparisonViewModel vm;
    private final LineChart<Number, Number> chart;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final VBox legend = new VBox(4);
    private final Label chartPlaceholder = new Label();
    private final TableView<ComparisonViewModel.Row> table = new TableView<>();

    public ComparisonView(ComparisonViewModel vm) {
        this.vm = vm;
        setId("compareTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        chart = new LineChart<>(x, y);
        Tab curves = new Tab("Curves", curvesPane());
        curves.setId("compareCurvesTab");
        Tab tableTab = new Tab("Table", tablePane());
        tableTab.setId("compareTableTab");
        Tab sides = new Tab("Programs & mappings", new SideBySideView(vm));
        sides.setId("compareSidesTab");
        getTabs().addAll(curves, tableTab, sides);
        setMinHeight(200);
    }

    private BorderPane curvesPane() {
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
        HBox top = new HBox(8, new Label("Plot"), metric, hint);
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
        ScrollPane legendScroll = new ScrollPane(legend);
        legendScroll.setFitToWidth(true);
        legendScroll.setPrefWidth(240);
        legendScroll.setMinWidth(160);
        legendScroll.getStyleClass().add("edge-to-edge");
        vm.curves.addListener((ListChangeListener<ComparisonViewModel.Curve>) c -> redraw());
        redraw();
        BorderPane pane = new BorderPane(plot);
        pane.setTop(top);
        pane.setRight(legendScroll);
        BorderPane.setMargin(top, new Insets(4, 0, 4, 0));
        return pane;
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
            String color = color(c.color());
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
    }

    private static Label legendEntry(ComparisonViewModel.Curve c, String color) {
        Line swatch = new Line(0, 0, 18, 0);
        swatch.setStyle("-fx-stroke: " + color + "; -fx-stroke-width: 3;");
        Label l = new Label(c.name(), swatch);
        l.setWrapText(true);
        l.setTooltip(new Tooltip(c.folder()));
        return l;
    }

    static String color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    private VBox tablePane() {
        table.setId("compareTable");
        table.setItems(vm.rows);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.hint.isEmpty()).then("").otherwise(vm.hint));
        table.setPlaceholder(placeholder);
        vm.rows.addListener((ListChangeListener<ComparisonViewModel.Row>) c -> columns());
        vm.differing.addListener((ListChangeListener<RunParameter>) c -> columns());
        columns();
        Label shared = new Label();
        shared.setId("compareShared");
        shared.setWrapText(true);
        shared.getStyleClass().add("hint");
        shared.textProperty().bind(Bindings.when(vm.shared.isEmpty()).then("")
                .otherwise(Bindings.concat("Same in all selected runs: ", vm.shared)));
        VBox box = new VBox(6, table, shared);
        box.setPadding(new Insets(4, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /**
     * Columns: run name, method and test accuracies first (what a comparison is for), then the
     * settings that differ, then the other figures, status and note; each as wide as its header
     * and values need (the table scrolls sideways when they do not fit).
     */
    private void columns() {
        List<ComparisonViewModel.Row> rows = List.copyOf(vm.rows);
        List<TableColumn<ComparisonViewModel.Row, String>> cols = new ArrayList<>();
        cols.add(col("Run", ComparisonViewModel.Row::name, rows, 240, null,
                r -> r.folder() + (r.note().isEmpty() ? "" : "\n" + r.note())));
        cols.add(col("Method", ComparisonViewModel.Row::method, rows, 120, null, null));
        cols.add(col("Test acc", ComparisonViewModel.Row::testAccuracy, rows, 120, RunsView.FINAL_TIP, null));
        cols.add(col("Test @ best val", ComparisonViewModel.Row::testAtBestVal, rows, 160, RunsView.AT_BEST_TIP,
                null));
        for (RunParameter p : vm.differing) {
            cols.add(col(CompareTitles.setting(p), r -> r.parameters().get(p), rows, 200, "Differs between the selected runs"
                    + " (train option " + p.option() + ")", null));
        }
        cols.add(col("Best val", ComparisonViewModel.Row::bestVal, rows, 100, "Best validation accuracy", null));
        cols.add(col(CompareTitles.EPOCHS_DONE, r -> Integer.toString(r.epochs()), rows, 80, "Epochs finished", null));
        cols.add(col("Status", ComparisonViewModel.Row::status, rows, 120, null, null));
        cols.add(col("Queries", ComparisonViewModel.Row::queries, rows, 220, "Black-box runs: images the source"
                + " model answered: total (training + label mapping + evaluation)", null));
        cols.add(col("Trainable", ComparisonViewModel.Row::trainable, rows, 100, "Trainable parameters", null));
        cols.add(col("Wall s", ComparisonViewModel.Row::wallSeconds, rows, 80, "Wall time in seconds", null));
        cols.add(col("img/s", ComparisonViewModel.Row::imagesPerSecond, rows, 80, "Training images per second",
                null));
        if (rows.stream().anyMatch(r -> !r.note().isEmpty())) {
            cols.add(col("Note", ComparisonViewModel.Row::note, rows, 260, null, null));
        }
        table.getColumns().setAll(cols);
    }

    private static TableColumn<ComparisonViewModel.Row, String> col(String title,
            Function<ComparisonViewModel.Row, String> f, List<ComparisonViewModel.Row> rows, double max, String tip,
            Function<ComparisonViewModel.Row, String> cellTip) {
        TableColumn<ComparisonViewModel.Row, String> c = TextColumns.column(title, f, 60, tip, cellTip);
        TextColumns.fit(c, title, rows.stream().map(r -> {
            try {
                return f.apply(r);
            } catch (RuntimeException e) {
                return "?";
            }
        }).toList(), max);
        return c;
    }
}
