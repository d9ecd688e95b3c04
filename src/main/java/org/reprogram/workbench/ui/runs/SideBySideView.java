package org.reprogram.workbench.ui.runs;

import java.io.ByteArrayInputStream;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The learned programs and label mappings of the selected runs, one column per run headed by its
 * name in the run's colour (as in the curves). Scrolls when the columns do not fit. Binds only.
 */
final class SideBySideView extends StackPane {

    /** Column width and program picture side. */
    static final double COLUMN = 220;
    static final double PICTURE = 180;
    private static final double TITLE_HEIGHT = 36;

    private final ComparisonViewModel vm;
    private final HBox columns = new HBox(12);
    private final Label placeholder = new Label();

    SideBySideView(ComparisonViewModel vm) {
        this.vm = vm;
        columns.setId("sideBySide");
        columns.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.getStyleClass().add("edge-to-edge");
        placeholder.getStyleClass().add("hint");
        placeholder.textProperty().bind(vm.hint);
        getChildren().addAll(scroll, placeholder);
        vm.sides.addListener((ListChangeListener<ComparisonViewModel.Side>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        columns.getChildren().clear();
        for (ComparisonViewModel.Side s : vm.sides) {
            columns.getChildren().add(column(s));
        }
        placeholder.setVisible(vm.sides.isEmpty());
    }

    private static VBox column(ComparisonViewModel.Side s) {
        Label title = new Label(s.name());
        title.getStyleClass().add("panel-title");
        title.setWrapText(true);
        title.setStyle("-fx-border-color: transparent transparent transparent " + ComparisonView.color(s.color())
                + "; -fx-border-width: 0 0 0 4; -fx-padding: 0 0 0 6;");
        title.setTooltip(new Tooltip(s.folder()));
        title.setMinHeight(TITLE_HEIGHT); // two lines: the pictures of all columns line up
        title.setAlignment(Pos.TOP_LEFT);
        title.setMaxHeight(TITLE_HEIGHT);
        Label caption = new Label(s.caption());
        caption.getStyleClass().add("hint");
        caption.setTooltip(new Tooltip(s.caption()));
        VBox box = new VBox(6, title, caption);
        box.getStyleClass().add("side-column");
        box.setPrefWidth(COLUMN);
        box.setMinWidth(COLUMN);
        box.setMaxWidth(COLUMN);
        if (s.programPng() != null) {
            ImageView program = new ImageView(new Image(new ByteArrayInputStream(s.programPng())));
            program.setId("sideProgram");
            program.setFitWidth(PICTURE);
            program.setFitHeight(PICTURE);
            program.setPreserveRatio(true);
            program.setSmooth(false);
            Tooltip.install(program, new Tooltip("The learned input program of " + s.name()));
            box.getChildren().add(program);
        }
        if (!s.mapping().isEmpty()) {
            Label head = new Label("Mapping: target ← source");
            head.getStyleClass().add("section");
            GridPane grid = new GridPane();
            grid.setId("sideMapping");
            grid.setHgap(6);
            grid.setVgap(1);
            int row = 0;
            for (ComparisonViewModel.MappingLine m : s.mapping()) {
                Label target = new Label(m.target());
                target.getStyleClass().add("mono");
                Label sources = new Label(m.sources());
                sources.setWrapText(true);
                sources.setMaxWidth(COLUMN - 50);
                sources.setTooltip(new Tooltip(m.target() + " ← " + m.sources()));
                grid.addRow(row++, target, new Label("←"), sources);
            }
            box.getChildren().addAll(head, grid);
        }
        if (!s.missing().isEmpty()) {
            Label missing = new Label(s.missing());
            missing.getStyleClass().add("hint");
            missing.setWrapText(true);
            box.getChildren().add(missing);
        }
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }
}
