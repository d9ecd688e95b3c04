package org.reprogram.workbench.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * The live view: program image with the step slider, sample gallery, label mapping, confusion
 * matrix and curves. One slider moves program, mapping and confusion matrix together.
 */
final class LiveView {

    private final TrainingViewModel vm;
    private final VBox root = new VBox(8);
    private final ImageView program = new ImageView();
    private final Slider slider = new Slider(0, 0, 0);
    private final Label sliderLabel = new Label("live");
    private final HBox gallery = new HBox(6);
    private final GridPane mapping = new GridPane();
    private final GridPane confusion = new GridPane();
    private final Label cellInfo = new Label("Click a confusion-matrix cell to list its samples in the gallery.");
    private final XYChart.Series<Number, Number> trainLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> trainAcc = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> valAcc = new XYChart.Series<>();
    private final Label latest = new Label();
    private float[][] shownMapping;
    private int[][] shownConfusion;

    LiveView(TrainingViewModel vm) {
        this.vm = vm;
        program.setId("programImage");
        program.setSmooth(false);
        slider.setId("stepSlider");
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        VBox programBox = box("Learned perturbation (gray = 0)", program, slider, sliderLabel);
        programBox.setPrefWidth(300);

        trainLoss.setName("train loss");
        trainAcc.setName("train acc");
        valAcc.setName("val acc");
        LineChart<Number, Number> lossChart = chart("Loss", trainLoss);
        lossChart.setId("lossChart");
        LineChart<Number, Number> accChart = chart("Accuracy", trainAcc, valAcc);
        NumberAxis accAxis = (NumberAxis) accChart.getYAxis();
        accAxis.setAutoRanging(false);
        accAxis.setLowerBound(0);
        accAxis.setUpperBound(1);
        accAxis.setTickUnit(0.1);
        accChart.setId("accuracyChart");
        latest.setId("latestMetrics");

        gallery.setId("gallery");
        mapping.setId("mappingGrid");
        confusion.setId("confusionGrid");
        mapping.setHgap(1);
        mapping.setVgap(1);
        cellInfo.setWrapText(true);

        HBox top = new HBox(8, programBox, box("Label mapping (rows: target, columns: source)", mapping),
                box("Validation confusion (row = true)", confusion, cellInfo));
        HBox charts = new HBox(8, lossChart, accChart);
        root.getChildren().addAll(top, box("Samples: target → programmed input → source class → target class", gallery),
                charts, latest);
        root.setPadding(new Insets(0));

        vm.history.addListener((InvalidationListener) o -> {
            slider.setMax(Math.max(0, vm.history.size() - 1));
            if (vm.followNewest.get()) {
                slider.setValue(vm.history.size() - 1);
            }
        });
        slider.valueProperty().addListener((o, a, v) -> {
            int i = (int) Math.round(v.doubleValue());
            if (slider.isValueChanging() || slider.isPressed() || slider.isFocused()) {
                vm.followNewest.set(i >= vm.history.size() - 1 && vm.running.get());
            }
            vm.historyIndex.set(i);
        });
        vm.historyIndex.addListener(o -> render());
        vm.live.addListener(o -> render());
        vm.metrics.addListener((InvalidationListener) o -> renderMetrics());
    }

    private void render() {
        TrainingSnapshot s = vm.shown();
        if (s == null) {
            return;
        }
        sliderLabel.setText(vm.followNewest.get() && vm.running.get() ? "live, epoch " + s.epoch() + ", step " + s.step()
                : "epoch " + s.epoch() + " (step " + s.step() + ")");
        int scale = Math.max(1, 256 / Math.max(s.height(), s.width()));
        program.setImage(FxImages.of(s.perturbation(), s.channels(), s.height(), s.width(), true, scale));
        RunInfo info = vm.info.get();
        // mapping and confusion change at most once per epoch for most runs: rebuild only on change
        boolean learnedMidEpoch = s.assignment() == null && !s.epochEnd() && s.epoch() > 0;
        if (!learnedMidEpoch && !java.util.Arrays.deepEquals(s.mappingWeights(), shownMapping)) {
            shownMapping = s.mappingWeights();
            renderMapping(s, info);
        }
        TrainingSnapshot withConfusion = s.confusion() != null ? s : lastEpochSnapshot();
        if (withConfusion != null && withConfusion.confusion() != null && withConfusion.confusion() != shownConfusion) {
            shownConfusion = withConfusion.confusion();
            renderConfusion(shownConfusion, info);
        }
        if (!s.samples().isEmpty()) {
            renderGallery(s.samples(), s, info, -1, -1);
        }
    }

    private TrainingSnapshot lastEpochSnapshot() {
        int i = Math.min(vm.historyIndex.get(), vm.history.size() - 1);
        return i >= 0 ? vm.history.get(i) : null;
    }

    /**
     * The mapping as a heatmap (rows: target classes, columns: source classes, shade: weight
     * relative to the row's largest) followed by the source class names the target is mapped to.
     */
    private void renderMapping(TrainingSnapshot s, RunInfo info) {
        mapping.getChildren().clear();
        float[][] w = s.mappingWeights();
        int ks = w.length;
        int kt = w[0].length;
        List<String> sourceNames = info == null ? null : info.sourceClasses();
        for (int src = 0; src < ks; src++) {
            Label h = new Label(Integer.toString(src));
            h.setMinWidth(14);
            h.setTooltip(new javafx.scene.control.Tooltip("source class " + src + ": " + name(sourceNames, src)));
            mapping.add(h, src + 1, 0);
        }
        for (int t = 0; t < kt; t++) {
            float max = 1e-12f;
            float min = Float.MAX_VALUE;
            int best = 0;
            for (int src = 0; src < ks; src++) {
                max = Math.max(max, w[src][t]);
                min = Math.min(min, w[src][t]);
                best = w[src][t] > w[best][t] ? src : best;
            }
            mapping.add(new Label(name(info == null ? null : info.targetClasses(), t)), 0, t + 1);
            for (int src = 0; src < ks; src++) {
                Label cell = new Label();
                cell.setMinSize(14, 14);
                double a = max > min ? (w[src][t] - min) / (max - min) : 0;
                cell.setStyle("-fx-background-color: rgba(33,84,160," + String.format(Locale.ROOT, "%.3f", a) + ");");
                cell.setTooltip(new javafx.scene.control.Tooltip(name(sourceNames, src) + ": "
                        + String.format(Locale.ROOT, "%.4g", w[src][t])));
                mapping.add(cell, src + 1, t + 1);
            }
            int[] sources = s.assignment() != null ? s.assignment()[t] : new int[] {best};
            StringBuilder names = new StringBuilder("← ");
            for (int i = 0; i < sources.length; i++) {
                names.append(i == 0 ? "" : ", ").append(name(sourceNames, sources[i]));
            }
            names.append(String.format(Locale.ROOT, " (%.2f)", w[sources[0]][t]));
            mapping.add(new Label(names.toString()), ks + 1, t + 1);
        }
    }

    private void renderConfusion(int[][] c, RunInfo info) {
        confusion.getChildren().clear();
        int max = 1;
        for (int[] row : c) {
            for (int v : row) {
                max = Math.max(max, v);
            }
        }
        for (int t = 0; t < c.length; t++) {
            for (int p = 0; p < c.length; p++) {
                Label cell = new Label(Integer.toString(c[t][p]));
                cell.setMinSize(26, 22);
                cell.getStyleClass().add("cell-box");
                double a = c[t][p] / (double) max;
                String color = t == p ? "rgba(27,127,59," + a + ")" : "rgba(179,38,30," + a + ")";
                cell.setStyle("-fx-background-color: " + color + ";");
                final int tt = t;
                final int pp = p;
                cell.setOnMouseClicked(e -> showCell(tt, pp, c[tt][pp]));
                confusion.add(cell, p, t);
            }
        }
    }

    /** Shows the validation images of confusion cell (true T, predicted P) of the shown epoch. */
    private void showCell(int t, int p, int count) {
        RunInfo info = vm.info.get();
        TrainingSnapshot s = lastEpochSnapshot();
        var data = vm.dataset.get();
        cellInfo.setText(String.format(Locale.ROOT, "true %s, predicted %s: %d validation images",
                name(info == null ? null : info.targetClasses(), t), name(info == null ? null : info.targetClasses(), p),
                count));
        gallery.getChildren().clear();
        boolean sameData = data != null && info != null && data.name().equals(info.targetName())
                && data.numClasses() == info.targetClasses().size() && vm.target.get() != null;
        if (s == null || s.validationPredictions() == null || info == null || info.validationIndices() == null
                || !sameData) {
            cellInfo.setText(cellInfo.getText() + " (images need the run's dataset loaded)");
            return;
        }
        int[] idx = info.validationIndices();
        int[] pred = s.validationPredictions();
        for (int i = 0; i < Math.min(idx.length, pred.length); i++) {
            if (idx[i] < data.train().size() && pred[i] == p && data.train().labels()[idx[i]] == t
                    && gallery.getChildren().size() < 24) {
                Label caption = new Label("#" + idx[i]);
                caption.getStyleClass().add(t == p ? "correct" : "wrong");
                gallery.getChildren().add(new VBox(2, DatasetPreview.thumbnail(data.train().images().get(idx[i]), 48),
                        caption));
            }
        }
    }

    private void renderGallery(List<TrainingSnapshot.SampleView> samples, TrainingSnapshot s, RunInfo info, int t, int p) {
        gallery.getChildren().clear();
        for (TrainingSnapshot.SampleView v : samples) {
            if (t >= 0 && (v.trueTarget() != t || v.predictedTarget() != p)) {
                continue;
            }
            ImageView img = new ImageView(FxImages.of(v.programmed(), s.channels(), s.height(), s.width(), false,
                    Math.max(1, 96 / s.height())));
            Label caption = new Label(name(info == null ? null : info.targetClasses(), v.trueTarget()) + " → "
                    + name(info == null ? null : info.sourceClasses(), v.predictedSource()) + " → "
                    + name(info == null ? null : info.targetClasses(), v.predictedTarget()) + (v.correct() ? " ✓" : " ✗"));
            caption.getStyleClass().add(v.correct() ? "correct" : "wrong");
            gallery.getChildren().add(new VBox(2, img, caption));
        }
    }

    private void renderMetrics() {
        trainLoss.getData().clear();
        trainAcc.getData().clear();
        valAcc.getData().clear();
        for (EpochMetrics m : vm.metrics) {
            trainLoss.getData().add(new XYChart.Data<>(m.epoch(), m.trainLoss()));
            trainAcc.getData().add(new XYChart.Data<>(m.epoch(), m.trainAccuracy()));
            if (!Double.isNaN(m.valAccuracy())) {
                valAcc.getData().add(new XYChart.Data<>(m.epoch(), m.valAccuracy()));
            }
        }
        if (!vm.metrics.isEmpty()) {
            EpochMetrics m = vm.metrics.get(vm.metrics.size() - 1);
            latest.setText(String.format(Locale.ROOT, "Epoch %d: train loss %.4f, train acc %.4f, val loss %.4f, val acc %.4f,"
                    + " lr %.3g, %.0f img/s", m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(),
                    m.learningRate(), m.imagesPerSecond()));
        }
    }

    private static String name(List<String> names, int i) {
        return names == null || i >= names.size() ? Integer.toString(i) : names.get(i);
    }

    @SafeVarargs
    private static LineChart<Number, Number> chart(String title, XYChart.Series<Number, Number>... series) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        LineChart<Number, Number> c = new LineChart<>(x, new NumberAxis());
        c.setTitle(title);
        c.setAnimated(false);
        c.setPrefHeight(240);
        c.getData().addAll(series);
        return c;
    }

    private static VBox box(String title, javafx.scene.Node... nodes) {
        Label l = new Label(title);
        l.getStyleClass().add("title");
        VBox b = new VBox(6, l);
        b.getChildren().addAll(nodes);
        b.getStyleClass().add("panel");
        return b;
    }

    VBox root() {
        return root;
    }
}
