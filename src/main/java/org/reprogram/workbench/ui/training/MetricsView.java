package org.reprogram.workbench.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.core.train.EpochMetrics;

/**
 * Loss and accuracy curves (train/val) per epoch, with the raw numbers in a table and a latest-values
 * line. The epoch axis runs from 0 to the planned epochs in whole epochs; before the first epoch
 * ends each chart shows a line of text instead of empty axes.
 */
public final class MetricsView extends VBox {

    final XYChart.Series<Number, Number> trainLoss = series("train loss");
    final XYChart.Series<Number, Number> valLoss = series("val loss");
    final XYChart.Series<Number, Number> trainAcc = series("train acc");
    final XYChart.Series<Number, Number> valAcc = series("val acc");
    /** A vision-language source's zero-shot accuracy: a dashed level across the accuracy chart. */
    final XYChart.Series<Number, Number> zeroShot = series("zero-shot");
    private final Label zeroShotLine = new Label();
    private LineChart<Number, Number> acc;
    private final Label latest = new Label("No epochs yet.");
    private final List<NumberAxis> epochAxes = new java.util.ArrayList<>();
    private final TableView<EpochMetrics> table;
    private final ObservableIntegerValue planned;
    private int lastEpoch;

    /** METRICS one row per finished epoch; PLANNED the epochs the run is set up for (0: unknown). */
    public MetricsView(ObservableList<EpochMetrics> metrics, ObservableIntegerValue planned) {
        super(6);
        this.planned = planned;
        LineChart<Number, Number> loss = chart("Loss", false);
        loss.setId("lossChart");
        loss.getData().addAll(trainLoss, valLoss);
        acc = chart("Accuracy", true);
        acc.setId("accuracyChart");
        acc.getData().addAll(trainAcc, valAcc);
        table = new TableView<>(metrics);
        table.setId("metricsTable");
        table.setPrefHeight(230);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // short headers that fit their columns; the tooltip says what each is
        table.getColumns().add(col("epoch", "epoch", 44, m -> Integer.toString(m.epoch())));
        table.getColumns().add(col("tr loss", "training loss (mean over the epoch's steps)", 62,
                m -> num(m.trainLoss())));
        table.getColumns().add(col("tr acc", "training accuracy (over the epoch's steps)", 56,
                m -> num(m.trainAccuracy())));
        table.getColumns().add(col("val loss", "validation loss at the epoch's end", 62, m -> num(m.valLoss())));
        table.getColumns().add(col("val acc", "validation accuracy at the epoch's end", 58, m -> num(m.valAccuracy())));
        TableColumn<EpochMetrics, String> scale = col("s", "learned input scale s (scale program)", 40,
                m -> SnapshotTexts.scale(m.inputScale()));
        scale.setId("scaleColumn");
        scale.visibleProperty().bind(Bindings.createBooleanBinding(() -> hasScale(metrics), metrics));
        table.getColumns().add(scale);
        table.getColumns().add(col("lr", "learning rate at the epoch's end", 52,
                m -> String.format(Locale.ROOT, "%.2g", m.learningRate())));
        table.getColumns().add(col("img/s", "training images per second", 52,
                m -> String.format(Locale.ROOT, "%.0f", m.imagesPerSecond())));
        double width = 0;
        for (TableColumn<EpochMetrics, ?> c : table.getColumns()) {
            width += c.getPrefWidth();
        }
        table.setPrefWidth(width + 18); // and a vertical scroll bar
        table.setMinWidth(width + 18); // every column stays in view: the charts give way first
        table.setPlaceholder(new Label("Epoch figures appear here."));
        latest.setId("latestMetrics");
        latest.getStyleClass().add("mono");
        latest.setMinWidth(0);
        HBox charts = new HBox(6, waiting(loss, metrics), waiting(acc, metrics), table);
        HBox.setHgrow(charts.getChildren().get(0), Priority.ALWAYS);
        HBox.setHgrow(charts.getChildren().get(1), Priority.ALWAYS);
        zeroShotLine.setId("zeroShot");
        zeroShotLine.getStyleClass().add("zero-shot");
        zeroShotLine.setWrapText(true);
        zeroShotLine.visibleProperty().bind(zeroShotLine.textProperty().isNotEmpty());
        zeroShotLine.managedProperty().bind(zeroShotLine.visibleProperty());
        zeroShotLine.setTooltip(new Tooltip("The vision-language model's accuracy on the target with the same prompts"
                + " and no program (dashed on the accuracy chart): the figure the run is measured against"));
        getChildren().addAll(zeroShotLine, charts, latest);
        planned.addListener(o -> fitEpochs(lastEpoch));
        fitEpochs(0);
        metrics.addListener((ListChangeListener<EpochMetrics>) c -> {
            boolean appendOnly = true;
            while (c.next()) {
                appendOnly &= c.wasAdded() && !c.wasRemoved() && c.getFrom() == trainLoss.getData().size();
            }
            if (!appendOnly) {
                clear();
            }
            for (int i = trainLoss.getData().size(); i < metrics.size(); i++) {
                add(metrics.get(i));
            }
            showLatest(metrics);
        });
        metrics.forEach(this::add);
        showLatest(metrics);
    }

    /** Shows FIGURE's zero-shot level as a dashed line on the accuracy chart and its words under the charts. */
    public void bindZeroShot(ZeroShotFigure figure) {
        zeroShotLine.textProperty().bind(figure.text());
        figure.level().addListener((o, a, v) -> showZeroShot(v));
        showZeroShot(figure.level().get());
    }

    private void showZeroShot(Double v) {
        zeroShot.getData().clear();
        if (v == null || v.isNaN()) {
            acc.getData().remove(zeroShot);
            return;
        }
        for (int x : new int[] {0, Math.max(1, Math.max(lastEpoch, planned.get()))}) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(x, v);
            d.nodeProperty().addListener((o, a, n) -> {
                if (n != null) {
                    n.setVisible(false); // a level, not measured points
                }
            });
            zeroShot.getData().add(d);
        }
        if (!acc.getData().contains(zeroShot)) {
            acc.getData().add(zeroShot);
            zeroShot.getNode().setStyle("-fx-stroke-dash-array: 8 6; -fx-stroke-width: 1.5;");
        }
    }

    /** The table and the latest-values line (hidden in presentation mode: the curves stay). */
    public void showTable(boolean show) {
        for (javafx.scene.Node n : new javafx.scene.Node[] {table, latest}) {
            n.setVisible(show);
            n.setManaged(show);
        }
    }

    /** CHART, with a line of text in its place until the first epoch has ended (no empty 0-125 axes). */
    private static javafx.scene.Node waiting(LineChart<Number, Number> chart, ObservableList<EpochMetrics> metrics) {
        Label placeholder = new Label(chart.getTitle() + ": the curve starts when the first epoch ends.");
        placeholder.getStyleClass().add("hint");
        placeholder.setWrapText(true);
        placeholder.setId(chart.getId() + "Placeholder");
        var none = Bindings.isEmpty(metrics);
        placeholder.visibleProperty().bind(none);
        chart.visibleProperty().bind(none.not());
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(chart, placeholder);
        box.setMinWidth(chart.getMinWidth());
        return box;
    }

    private void clear() {
        trainLoss.getData().clear();
        valLoss.getData().clear();
        trainAcc.getData().clear();
        valAcc.getData().clear();
        fitEpochs(0);
    }

    private void add(EpochMetrics m) {
        fitEpochs(m.epoch());
        point(trainLoss, m.epoch(), m.trainLoss());
        point(valLoss, m.epoch(), m.valLoss());
        point(trainAcc, m.epoch(), m.trainAccuracy());
        point(valAcc, m.epoch(), m.valAccuracy());
    }

    /** Adds a point with a tooltip of its exact value (NaN: no validation data, left out). */
    private static void point(XYChart.Series<Number, Number> s, int epoch, double v) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(epoch, Double.isNaN(v) ? 0 : v);
        s.getData().add(d);
        d.nodeProperty().addListener((o, a, n) -> {
            if (n != null) {
                Tooltip.install(n, new Tooltip(s.getName() + " at epoch " + epoch + ": " + num(v)));
                n.setVisible(!Double.isNaN(v));
            }
        });
    }

    private void showLatest(ObservableList<EpochMetrics> metrics) {
        if (metrics.isEmpty()) {
            latest.setText("No epochs yet.");
            return;
        }
        EpochMetrics m = metrics.get(metrics.size() - 1);
        latest.setText(String.format(Locale.ROOT, "Epoch %d: train loss %s, train acc %s, val loss %s, val acc %s, "
                + "%slr %.3g, %.0f img/s, %.1f s", m.epoch(), num(m.trainLoss()), num(m.trainAccuracy()), num(m.valLoss()),
                num(m.valAccuracy()), Double.isNaN(m.inputScale()) ? "" : "scale s " + SnapshotTexts.scale(m.inputScale())
                        + ", ", m.learningRate(), m.imagesPerSecond(), m.elapsedSeconds()));
    }

    /** True when the run learns an input scale (scale program): the table shows it. */
    static boolean hasScale(List<EpochMetrics> metrics) {
        return metrics.stream().anyMatch(m -> !Double.isNaN(m.inputScale()));
    }

    /** Four decimals, or scientific notation where that would not fit (a diverging loss of 4e6). */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 1e4 || a < 1e-3) ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Epoch axes: whole epochs from 0 to the planned epochs (or the newest, if later), about five ticks. */
    private void fitEpochs(int last) {
        lastEpoch = last;
        int upper = Math.max(1, Math.max(last, planned.get()));
        double unit = Math.max(1, Math.ceil(upper / 5.0)); // at most six labels: they fit a narrow chart
        for (NumberAxis x : epochAxes) {
            x.setUpperBound(upper);
            x.setTickUnit(unit);
        }
        if (zeroShot.getData().size() == 2) { // the level runs across the whole epoch axis
            zeroShot.getData().get(1).setXValue(upper);
        }
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private LineChart<Number, Number> chart(String title, boolean unit) {
        NumberAxis x = new NumberAxis(0, 1, 1);
        x.setLabel("epoch");
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number n) {
                return Integer.toString(n.intValue());
            }

            @Override
            public Number fromString(String t) {
                return Integer.parseInt(t);
            }
        });
        epochAxes.add(x);
        NumberAxis y = new NumberAxis();
        if (unit) {
            y.setAutoRanging(false);
            y.setLowerBound(0);
            y.setUpperBound(1);
            y.setTickUnit(0.2);
        }
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setAnimated(false);
        c.setCreateSymbols(true);
        c.setPrefSize(300, 230);
        c.setMinWidth(170);
        return c;
    }

    /** A column headed TITLE (its tooltip: TIP), WIDTH pixels: the header and four decimals fit. */
    private static TableColumn<EpochMetrics, String> col(String title, String tip, double width,
            Function<EpochMetrics, String> f) {
        TableColumn<EpochMetrics, String> c = new TableColumn<>();
        Label header = new Label(title);
        header.setTooltip(new Tooltip(tip));
        header.setMinWidth(Region.USE_PREF_SIZE);
        c.setGraphic(header);
        c.setId("col-" + title.replace(' ', '-').replace('/', '-'));
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setMinWidth(width - 6);
        return c;
    }
}
