package org.reprogram.workbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.reprogram.workbench.core.run.RunFiles;
import org.reprogram.workbench.core.run.RunRecord;

/** Saved runs: filter, open (replay in the Train tab), compare selected, export files. */
final class RunsView {

    private final VBox root = new VBox(8);
    private final TableView<RunRecord> table = new TableView<>();
    private final Label compare = new Label();
    private final javafx.scene.chart.LineChart<Number, Number> overlay =
            new javafx.scene.chart.LineChart<>(new javafx.scene.chart.NumberAxis(), new javafx.scene.chart.NumberAxis());

    RunsView(RunsViewModel vm, java.util.function.Consumer<RunRecord> open) {
        table.setId("runsTable");
        table.setItems(vm.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(col("Run", RunRecord::name, 260));
        table.getColumns().add(col("Status", RunRecord::status, 90));
        table.getColumns().add(col("Program", r -> r.config().program().id(), 70));
        table.getColumns().add(col("Mapping", r -> r.config().mapping().id(), 70));
        table.getColumns().add(col("Trainer", r -> r.config().trainer(), 80));
        table.getColumns().add(col("Test acc", RunsViewModel::accuracy, 80));
        table.getColumns().add(col("Epochs", r -> Integer.toString(r.metrics().size()), 60));
        table.getColumns().add(col("Trainable", r -> r.result() == null ? "-" : Long.toString(r.result().trainableParameters()), 80));
        table.getColumns().add(col("Wall s", r -> r.result() == null ? "-"
                : String.format(Locale.ROOT, "%.1f", r.result().wallSeconds()), 70));
        TextField filter = new TextField();
        filter.setId("runsFilter");
        filter.setPromptText("filter: e.g. pad ilm completed");
        filter.textProperty().bindBidirectional(vm.filter);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button openButton = new Button("Open (replay)");
        openButton.setId("openRun");
        openButton.setOnAction(e -> {
            RunRecord r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                vm.open(r, open, msg -> new Alert(Alert.AlertType.ERROR, msg).show());
            }
        });
        Button compareButton = new Button("Compare selected");
        compareButton.setOnAction(e -> {
            compare.setText(compareText());
            overlay.getData().clear();
            for (RunRecord r : table.getSelectionModel().getSelectedItems()) {
                javafx.scene.chart.XYChart.Series<Number, Number> series = new javafx.scene.chart.XYChart.Series<>();
                series.setName(r.name());
                for (var m : r.metrics()) {
                    if (!Double.isNaN(m.valAccuracy())) {
                        series.getData().add(new javafx.scene.chart.XYChart.Data<>(m.epoch(), m.valAccuracy()));
                    }
                }
                overlay.getData().add(series);
            }
        });
        Button export = new Button("Export…");
        export.setOnAction(e -> export(table.getSelectionModel().getSelectedItem()));
        compare.setId("compareText");
        compare.setStyle("-fx-font-family: monospace;");
        overlay.setId("compareChart");
        javafx.scene.chart.NumberAxis y = (javafx.scene.chart.NumberAxis) overlay.getYAxis();
        y.setAutoRanging(false);
        y.setUpperBound(1);
        y.setTickUnit(0.1);
        overlay.getXAxis().setLabel("epoch");
        overlay.setTitle("Validation accuracy of the selected runs");
        overlay.setAnimated(false);
        overlay.setPrefHeight(260);
        root.getChildren().addAll(new HBox(6, filter, refresh, openButton, compareButton, export), table, compare, overlay);
        root.getStyleClass().add("panel");
    }

    private String compareText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s %-8s %-8s %9s %9s %9s%n", "run", "program",
                "mapping", "test acc", "best val", "trainable"));
        for (RunRecord r : table.getSelectionModel().getSelectedItems()) {
            sb.append(String.format(Locale.ROOT, "%-40s %-8s %-8s %9s %9s %9s%n", r.name(), r.config().program().id(),
                    r.config().mapping().id(), RunsViewModel.accuracy(r),
                    r.result() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.result().bestValAccuracy()),
                    r.result() == null ? "-" : Long.toString(r.result().trainableParameters())));
        }
        return sb.toString();
    }

    private void export(RunRecord r) {
        if (r == null) {
            return;
        }
        java.io.File dest = new DirectoryChooser().showDialog(root.getScene().getWindow());
        if (dest == null) {
            return;
        }
        try {
            for (String f : new String[] {RunFiles.PROGRAM_PNG, RunFiles.METRICS, RunFiles.MAPPING_CSV,
                RunFiles.MAPPING_JSON, RunFiles.CONFIG, RunFiles.RESULT}) {
                Path src = r.dir().resolve(f);
                if (Files.exists(src)) {
                    Files.copy(src, dest.toPath().resolve(r.name() + "-" + f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException ex) {
            new Alert(Alert.AlertType.ERROR, "Export to " + dest + " failed: " + ex.getMessage()).show();
        }
    }

    private static TableColumn<RunRecord, String> col(String title, java.util.function.Function<RunRecord, String> f,
            double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    VBox root() {
        return root;
    }
}
