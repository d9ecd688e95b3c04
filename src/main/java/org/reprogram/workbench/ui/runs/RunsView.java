package org.reprogram.workbench.ui.runs;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ResultTexts;

/** Saved runs: filter, open (replay), compare (overlaid val accuracy + final metrics), export. */
public final class RunsView extends VBox {

    private final RunsViewModel vm;
    private final TableView<RunRecord> table = new TableView<>();

    public RunsView(RunsViewModel vm, java.util.function.Consumer<RunRecord> open,
            java.util.function.Consumer<RunRecord> resume, javafx.scene.Node baselines) {
        super(8);
        this.vm = vm;
        getStyleClass().add("panel");
        table.setId("runsTable");
        table.setItems(vm.runs());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c ->
                vm.selected.setAll(table.getSelectionModel().getSelectedItems()));
        table.setPlaceholder(new Label("No runs in " + vm.root() + " yet."));
        table.getColumns().add(col("Run", RunRecord::name, 250));
        table.getColumns().add(col("Status", RunRecord::status, 85));
        table.getColumns().add(col("Method", ResultTexts::method, 110));
        table.getColumns().add(col("Source", r -> r.info() != null ? r.info().sourceName()
                : r.config() != null ? r.config().source() : "-", 110));
        table.getColumns().add(col("Program", RunsViewModel::program, 65));
        table.getColumns().add(col("Mapping", RunsViewModel::mapping, 65));
        table.getColumns().add(col("Trainer", RunsViewModel::trainer, 75));
        table.getColumns().add(tip(col("Test acc", RunsViewModel::accuracy, 75), FINAL_TIP));
        table.getColumns().add(tip(col("Test acc @ best val", r -> ResultTexts.atBestVal(r.result()), 150), AT_BEST_TIP));
        table.getColumns().add(col("Epochs", r -> r.config() == null ? "-" : r.metrics().size() + "/" + r.config().epochs(),
                60));
        table.getColumns().add(tip(col("Queries", r -> ResultTexts.totalQueries(r.result(), RunsViewModel.trainer(r)),
                80), "Black-box runs: images the source model answered"));
        table.getColumns().add(col("Wall s", r -> r.result() == null ? "-"
                : String.format(Locale.ROOT, "%.1f", r.result().wallSeconds()), 60));
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<RunRecord>();
            row.itemProperty().addListener((o, was, run) -> row.setTooltip(run == null || run.readable() ? null
                    : new Tooltip("Not a readable run: " + Fields.words(run.problem()))));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        TextField filter = new TextField();
        filter.setId("runsFilter");
        filter.setPromptText("filter, e.g.  pad ilm completed");
        filter.textProperty().bindBidirectional(vm.filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Button openButton = new Button("Open (replay)");
        openButton.setId("openRun");
        openButton.setTooltip(new Tooltip("Replay the run in the Train tab: slider, program, mapping, confusion, curves"));
        openButton.disableProperty().bind(Bindings.size(vm.selected).isNotEqualTo(1));
        openButton.setOnAction(e -> open.accept(vm.selected.get(0)));
        Button resumeButton = new Button("Resume");
        resumeButton.setId("resumeRun");
        resumeButton.setTooltip(new Tooltip("Continue an interrupted run from its last finished epoch, live in the"
                + " Train tab"));
        resumeButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selected.size() != 1 || !vm.selected.get(0).isResumable(), vm.selected));
        resumeButton.setOnAction(e -> resume.accept(vm.selected.get(0)));
        Button compare = new Button("Compare selected");
        compare.setId("compareRuns");
        compare.disableProperty().bind(Bindings.isEmpty(vm.selected));
        compare.setOnAction(e -> vm.compare());
        Button export = new Button("Export…");
        export.setId("exportRun");
        export.setTooltip(new Tooltip("Copy program.png, metrics.csv, mapping.csv/json, config.json and result.json"
                + " of the selected run into a folder"));
        export.disableProperty().bind(Bindings.size(vm.selected).isNotEqualTo(1));
        export.setOnAction(e -> {
            File dest = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dest != null) {
                vm.export(vm.selected.get(0), dest.toPath());
            }
        });
        HBox bar = new HBox(6, filter, refresh, openButton, resumeButton, compare, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("runsMessage");
        message.textProperty().bind(vm.message);
        message.getStyleClass().add("status");
        getChildren().addAll(bar, baselines, message, table, compareBox());
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private HBox compareBox() {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        NumberAxis y = new NumberAxis(0, 1, 0.1);
        y.setAutoRanging(false);
        y.setLabel("validation accuracy");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("compareChart");
        chart.setTitle("Validation accuracy of the selected runs");
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        vm.curves.addListener((ListChangeListener<RunsViewModel.Curve>) c -> {
            chart.getData().clear();
            for (RunsViewModel.Curve curve : vm.curves) {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(curve.name());
                curve.points().forEach(p -> s.getData().add(new XYChart.Data<>(p[0], p[1])));
                chart.getData().add(s);
            }
        });
        TableView<RunsViewModel.Row> rows = new TableView<>(vm.rows);
        rows.setId("compareTable");
        rows.setPlaceholder(new Label("Select runs and press Compare."));
        rows.getColumns().add(rcol("Run", RunsViewModel.Row::name, 180));
        rows.getColumns().add(rcol("Method", RunsViewModel.Row::method, 110));
        rows.getColumns().add(rcol("Program", RunsViewModel.Row::program, 70));
        rows.getColumns().add(rcol("Mapping", RunsViewModel.Row::mapping, 70));
        rows.getColumns().add(rcol("Trainer", RunsViewModel.Row::trainer, 70));
        rows.getColumns().add(tip(rcol("Test acc (final)", RunsViewModel.Row::testAccuracy, 105), FINAL_TIP));
        rows.getColumns().add(tip(rcol("Test acc @ best val", RunsViewModel.Row::testAtBestVal, 150), AT_BEST_TIP));
        rows.getColumns().add(rcol("Best val", RunsViewModel.Row::bestVal, 70));
        rows.getColumns().add(rcol("Epochs", r -> Integer.toString(r.epochs()), 55));
        rows.getColumns().add(tip(rcol("Queries", RunsViewModel.Row::queries, 170), "Black-box runs: images the"
                + " source model answered: total (training + label mapping + evaluation)"));
        rows.getColumns().add(rcol("Trainable", RunsViewModel.Row::trainable, 75));
        rows.getColumns().add(rcol("Wall s", RunsViewModel.Row::wallSeconds, 55));
        rows.getColumns().add(rcol("img/s", RunsViewModel.Row::imagesPerSecond, 60));
        rows.setPrefHeight(300);
        chart.setPrefWidth(380);
        chart.setMinWidth(300);
        HBox box = new HBox(8, chart, rows);
        HBox.setHgrow(chart, Priority.NEVER);
        HBox.setHgrow(rows, Priority.ALWAYS);
        return box;
    }

    private static final String FINAL_TIP = "Test accuracy of the state after the last epoch";
    private static final String AT_BEST_TIP = "Test accuracy of the state at the epoch with the best validation"
            + " accuracy (that epoch in brackets); '-' for runs without validation data or saved before it was recorded";

    /** Gives column C's header a tooltip (the header text moves into a label). */
    private static <S> TableColumn<S, String> tip(TableColumn<S, String> c, String text) {
        Label header = new Label(c.getText());
        header.setTooltip(new Tooltip(text));
        c.setText(null);
        c.setGraphic(header);
        return c;
    }

    /** A column of F's text; a run whose values F cannot show gets "?" in that cell, never a blank table. */
    private static TableColumn<RunRecord, String> col(String title, Function<RunRecord, String> f, double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> {
            try {
                return new SimpleStringProperty(f.apply(d.getValue()));
            } catch (RuntimeException e) {
                return new SimpleStringProperty("?");
            }
        });
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<RunsViewModel.Row, String> rcol(String title, Function<RunsViewModel.Row, String> f,
            double width) {
        TableColumn<RunsViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
