package org.reprogram.workbench.ui.runs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.reprogram.workbench.core.run.RunParameter;
import org.reprogram.workbench.ui.common.ResultTexts;

/**
 * The comparison of the selected runs, in three tabs: curves of a chosen metric (one colour per
 * run, training dashed next to validation), the table with the settings that differ as columns,
 * and the learned programs and mappings side by side. Binds only.
 */
public final class ComparisonView extends TabPane {

    /** Run colours, by place in the selection (lines, legend and side-by-side headers). */
    static final List<String> COLORS = ComparisonViewModel.COLORS;

    private final ComparisonViewModel vm;
    private final TableView<ComparisonViewModel.Row> table = new TableView<>();
    private final Path runsFolder;

    /** The comparison; its save dialogs start in RUNS_FOLDER. */
    public ComparisonView(ComparisonViewModel vm, Path runsFolder) {
        this.vm = vm;
        this.runsFolder = runsFolder;
        setId("compareTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        Tab curves = new Tab("Curves", new CompareChartView(vm, runsFolder));
        curves.setId("compareCurvesTab");
        Tab tableTab = new Tab("Table", tablePane());
        tableTab.setId("compareTableTab");
        Tab sides = new Tab("Programs & mappings", new SideBySideView(vm));
        sides.setId("compareSidesTab");
        getTabs().addAll(curves, tableTab, sides);
        setMinHeight(200);
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
        vm.rows.addListener((ListChangeListener<ComparisonViewModel.Row>) c -> {
            boolean changed = false;
            while (c.next()) {
                changed |= !c.wasPermutated(); // a header click only reorders: keep the columns and their sort
            }
            if (changed) {
                columns();
            }
        });
        vm.differing.addListener((ListChangeListener<RunParameter>) c -> columns());
        vm.groupReplicates.addListener((o, was, now) -> columns());
        columns();
        CheckBox group = new CheckBox("Group replicates");
        group.setId("groupReplicates");
        group.selectedProperty().bindBidirectional(vm.groupReplicates);
        group.setTooltip(new Tooltip("One line per group of runs with the same settings but the seed: n, test"
                + " accuracy as mean ± sample standard deviation, the other figures as means"));
        Label summary = new Label();
        summary.setId("groupSummary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(vm.groupSummary);
        summary.setMinWidth(0);
        HBox.setHgrow(summary, Priority.ALWAYS);
        Button save = new Button("Save CSV…");
        save.setId("saveTable");
        save.setTooltip(new Tooltip("Save the table as CSV: one line per run with every setting and the raw numbers"
                + " (as 'compare --csv'), or per group of replicates with n, mean and std"));
        save.disableProperty().bind(Bindings.isEmpty(vm.rows));
        save.setOnAction(e -> {
            File out = CompareChartView.chooser(runsFolder, "Save the table", vm.save.tableName(), new FileChooser.ExtensionFilter("CSV", "*.csv"))
                    .showSaveDialog(getScene().getWindow());
            if (out != null) {
                vm.save.csv(out.toPath());
            }
        });
        HBox tools = new HBox(8, group, summary, save);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label shared = new Label();
        shared.setId("compareShared");
        shared.setWrapText(true);
        shared.getStyleClass().add("hint");
        shared.textProperty().bind(Bindings.when(vm.shared.isEmpty()).then("")
                .otherwise(Bindings.concat("Same in all selected runs: ", vm.shared)));
        VBox box = new VBox(6, tools, table, shared);
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
        boolean grouped = vm.groupReplicates.get();
        cols.add(col("Run", ComparisonViewModel.Row::name, rows, 240, null,
                r -> r.folder() + (r.note().isEmpty() ? "" : "\n" + r.note())));
        if (grouped) {
            cols.add(col("n", r -> Integer.toString(r.n()), rows, 50, "Runs in the group (replicates: the same"
                    + " settings but the seed); the figures are means over them", null));
        }
        cols.add(col("Method", ComparisonViewModel.Row::method, rows, 120, null, null));
        if (rows.stream().anyMatch(r -> !ResultTexts.NONE.equals(r.zeroShot()))) {
            cols.add(col("Zero-shot", ComparisonViewModel.Row::zeroShot, rows, 100, "Zero-shot test accuracy of the"
                    + " vision-language source with the run's prompts and no program: the figure the run is measured"
                    + " against", null));
        }
        cols.add(col(grouped ? "Test acc (mean ± std)" : "Test acc", ComparisonViewModel.Row::testAccuracy, rows,
                160, grouped ? FINAL_TIP_GROUPED : RunsView.FINAL_TIP, null));
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

    private static final String FINAL_TIP_GROUPED = RunsView.FINAL_TIP + ": mean ± sample standard deviation"
            + " (n - 1) over the replicates; one run: its value";

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
