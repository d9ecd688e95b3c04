package org.reprogram.workbench.ui.studies;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The live trials table and the leaderboard (bind the rows the ViewModel keeps). */
final class StudyTables {

    private StudyTables() {}

    /** The trials: a double-click on a finished one calls OPEN with it. */
    static TableView<TrialRow> trials(ObservableList<TrialRow> rows, Consumer<TrialRow> open) {
        TableView<TrialRow> t = new TableView<>(rows);
        t.setId("trialsTable");
        t.setPlaceholder(new Label("No study yet: launch one, or Open study… to see one."));
        t.getColumns().add(column("Trial", 90, TrialRow::id));
        t.getColumns().add(column("Configuration", 250, TrialRow::configuration));
        t.getColumns().add(column("Seed", 50, r -> Long.toString(r.seed())));
        t.getColumns().add(column("State", 110, TrialRow::state));
        t.getColumns().add(column("Rung", 55, TrialRow::rung));
        t.getColumns().add(column("Epoch", 65, TrialRow::epoch));
        t.getColumns().add(column("Val acc", 70, TrialRow::validation));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setRowFactory(v -> {
            TableRow<TrialRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    open.accept(row.getItem());
                }
            });
            row.itemProperty().addListener((o, was, item) -> row.setTooltip(item == null ? null
                    : new Tooltip(item.openable() ? "Double-click: replay this trial's run in the Train tab"
                            : "This trial has no finished run folder yet")));
            return row;
        });
        return t;
    }

    /** The leaderboard: best mean validation accuracy first, test with its 95 % interval. */
    static TableView<LeaderRow> leaderboard(ObservableList<LeaderRow> rows) {
        TableView<LeaderRow> t = new TableView<>(rows);
        t.setId("leaderboard");
        t.setPlaceholder(new Label("The leaderboard fills as trials complete."));
        t.getColumns().add(column("#", 28, r -> Integer.toString(r.rank())));
        t.getColumns().add(column("Configuration", 235, LeaderRow::configuration));
        t.getColumns().add(column("n", 28, r -> Integer.toString(r.n())));
        t.getColumns().add(column("Test [95 % CI]", 135, LeaderRow::test));
        t.getColumns().add(column("Val [95 % CI]", 135, LeaderRow::validation));
        t.getColumns().add(column("Params", 65, LeaderRow::parameters));
        t.getColumns().add(column("Test vs best baseline (paired by seed)", 330, LeaderRow::comparison));
        return t; // columns keep their widths (a scroll bar where the pane is narrow): figures are never cut
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        return c;
    }
}
