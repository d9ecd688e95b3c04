package org.reprogram.workbench.ui.training;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
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
import javafx.scene.layout.VBox;
import org.reprogram.workbench.core.train.EpochMetrics;

/** Loss and accuracy curves (train/val) per epoch, with the raw numbers in a table and a latest-values line. */
public final class MetricsView extends VBox {

    final XYChart.Series<Number, Number> trainLoss = series("train loss");
    final XYChart.Series<Number, Number> valLoss = series("val loss");
    final XYChart.Series<Number, Number> trainAcc = series("train acc");
    final XYChart.Series<Number, Number> valAcc = series("val acc");
    private final Label latest = new Label("No epochs yet.");
    private final List<NumberAxis> epochAxes = new java.util.ArrayList<>();

    public MetricsView(ObservableList<EpochMetrics> metrics) {
        super(6);
        LineChart<Number, Number> loss = chart("Loss", false);
        loss.setId("lossChart");
        loss.getData().addAll(trainLoss, valLoss);
        LineChart<Number, Number> acc = chart("Accuracy", true);
        acc.setId("accuracyChart");
        acc.getData().addAll(trainAcc, valAcc);
        TableView<EpochMetrics> table = new TableView<>(metrics);
        table.setId("metricsTable");
        table.setPrefHeight(230);
        table.setPrefWidth(440);
        table.setMinWidth(420); // the raw numbers stay readable; the charts give way first
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(col("epoch", m -> Integer.toString(m.epoch())));
        table.getColumns().add(col("train loss", m -> num(m.trainLoss())));
        table.getColumns().add(col("train acc", m -> num(m.trainAccuracy())));
        table.getColumns().add(col("val loss", m -> num(m.valLoss())));
        table.getColumns().add(col("val acc", m -> num(m.valAccuracy())));
        TableColumn<EpochMetrics, String> scale = col("scale s", m -> SnapshotTexts.scale(m.inputScale()));
        scale.setId("scaleColumn");
        scale.visibleProperty().bind(Bindings.createBooleanBinding(() -> hasScale(metrics), metrics));
        table.getColumns().add(scale);
        table.getColumns().add(col("lr", m -> String.format(Locale.ROOT, "%.2g", m.learningRate())));
        table.getColumns().add(col("img/s", m -> String.format(Locale.ROOT, "%.0f", m.imagesPerSecond())));
        table.setPlaceholder(new Label("Epoch figures appear here."));
        latest.setId("latestMetrics");
        latest.getStyleClass().add("mono");
        HBox charts = new HBox(6, loss, acc, table);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(acc, Priority.ALWAYS);
        getChildren().addAll(charts, latest);
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

    private void clear() {
        trainLoss.getData().clear();
        valLoss.getData().clear();
        trainAcc.getData().clear();
        valAcc.getData().clear();
        fitEpochs(1);
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

    /** Epoch axes: whole epochs from 0 to the newest, about ten ticks, no 0-125 range before any data. */
    private void fitEpochs(int last) {
        int upper = Math.max(1, last);
        double unit = Math.max(1, Math.ceil(upper / 10.0));
        for (NumberAxis x : epochAxes) {
            x.setUpperBound(upper);
            x.setTickUnit(unit);
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
        c.setMinWidth(190);
        return c;
    }

    private static TableColumn<EpochMetrics, String> col(String title, Function<EpochMetrics, String> f) {
        TableColumn<EpochMetrics, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setSortable(false);
        c.setPrefWidth("epoch".equals(title) ? 42 : 55); // four decimals fit; the last column takes what is left
        return c;
    }
}
