package org.reprogram.workbench.ui.setup;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reprogram.workbench.ui.common.ProblemLabel;
import org.reprogram.workbench.ui.common.Windows;

/**
 * The window that writes a descriptions file (mapping {@code descriptions}): per class, a text area
 * of its descriptions, one per line; Save… asks for the file and writes it. Binds only
 * ({@link DescriptionsViewModel}).
 */
final class DescriptionsEditor {

    private final DescriptionsViewModel vm;
    private final String target;
    private final Stage stage = new Stage();

    DescriptionsEditor(DescriptionsViewModel vm, String target) {
        this.vm = vm;
        this.target = target;
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        for (int c = 0; c < vm.classNames.size(); c++) {
            Label name = new Label(vm.classNames.get(c));
            TextArea area = new TextArea();
            area.setId("descriptions" + c);
            area.setPrefRowCount(3);
            area.setWrapText(true);
            area.setPromptText("e.g. a " + vm.classNames.get(c) + " with ... (one description per line)");
            area.textProperty().bindBidirectional(vm.texts.get(c));
            name.setLabelFor(area);
            GridPane.setHgrow(area, Priority.ALWAYS);
            grid.addRow(c, name, area);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        Label problem = ProblemLabel.of("descriptionsEditorProblem", vm.problem, true);
        Label status = new Label();
        status.setId("descriptionsStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.status);
        Button save = new Button("Save…");
        save.setId("saveDescriptions");
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.problem.isNotEmpty());
        save.setOnAction(e -> save());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, save, cancel);
        BorderPane root = new BorderPane(scroll);
        javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox(6, problem, status, buttons);
        bottom.setPadding(new Insets(8, 10, 10, 10));
        root.setBottom(bottom);
        stage.setTitle("Descriptions per class");
        stage.setScene(new Scene(root));
    }

    void show(Window owner) {
        stage.initModality(Modality.WINDOW_MODAL);
        Windows.openOver(stage, owner, 640, 560);
        stage.show();
    }

    private void save() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the descriptions");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Descriptions (*.json)", "*.json"));
        Path suggested = vm.suggestedFile(target == null || target.isBlank() ? null : Path.of(target));
        if (suggested.getParent() != null && suggested.getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(suggested.getParent().toFile());
        }
        fc.setInitialFileName(suggested.getFileName().toString());
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            vm.save(f.toPath(), stage::close);
        }
    }
}
