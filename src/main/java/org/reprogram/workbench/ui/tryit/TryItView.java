package org.reprogram.workbench.ui.tryit;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.reprogram.workbench.ui.common.FxImages;

/**
 * "Try it": choose or drop images (or folders) and see, for each, the programmed input, what the
 * frozen source model saw and the target class with its probability; export the run as a bundle.
 * Binds only: the work is the {@link TryItViewModel}'s.
 */
public final class TryItView extends VBox {

    static final int IMAGE_SIDE = 112;

    public TryItView(TryItViewModel vm) {
        super(8);
        getStyleClass().add("panel");
        Label title = new Label();
        title.setId("tryTitle");
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.title);
        Button choose = new Button("Choose images…");
        choose.setId("tryChoose");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.bmp",
                    "*.gif", "*.PNG", "*.JPG", "*.JPEG", "*.BMP", "*.GIF"));
            List<File> files = fc.showOpenMultipleDialog(getScene().getWindow());
            if (files != null) {
                vm.classify(files.stream().map(File::toPath).toList());
            }
        });
        Button folder = new Button("Choose folder…");
        folder.setId("tryFolder");
        folder.setTooltip(new Tooltip("Every image in the folder and its subfolders (at most " + TryItViewModel.MAX_IMAGES
                + "); images in a folder named like a target class are marked right or wrong"));
        folder.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) {
                vm.classify(List.of(dir.toPath()));
            }
        });
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        Button export = new Button("Export bundle…");
        export.setId("tryExport");
        export.setTooltip(new Tooltip("Write the run as one zip (learned program and mapping, config, model card and"
                + " the source model, with checksums); 'predict BUNDLE IMAGES' uses it anywhere, Python too"));
        export.setVisible(vm.canExport());
        export.setManaged(vm.canExport());
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(vm.title.get().split(" ")[0] + ".zip");
            if (vm.exportFolder() != null) {
                fc.setInitialDirectory(vm.exportFolder().toFile()); // the runs folder, not the working folder
            }
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Bundle (zip)", "*.zip"));
            File out = fc.showSaveDialog(getScene().getWindow());
            if (out != null) {
                vm.exportBundle(out.toPath());
            }
        });
        for (Button b : new Button[] {choose, folder, export}) {
            b.disableProperty().bind(vm.busy().or(vm.ready().not()));
        }
        HBox bar = new HBox(6, choose, folder, clear, export);
        for (Button b : new Button[] {choose, folder, clear, export}) {
            b.setMinWidth(USE_PREF_SIZE); // never "Ch…": the window keeps the room its buttons need
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("tryMessage");
        message.setWrapText(true);
        message.getStyleClass().add("status");
        message.textProperty().bind(vm.message);
        ListView<TryItViewModel.Item> list = new ListView<>(vm.items);
        list.setId("tryResults");
        list.setPlaceholder(new Label("Drop image files or folders here."));
        list.setCellFactory(l -> new ItemCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, bar, message, list);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && vm.ready().get() && !vm.busy().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.classify(e.getDragboard().getFiles().stream().map(File::toPath).map(Path::toAbsolutePath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** One image: its programmed input, the target class with its probability, the source's answer. */
    private static final class ItemCell extends ListCell<TryItViewModel.Item> {
        @Override
        protected void updateItem(TryItViewModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : card(item));
        }

        private static Node card(TryItViewModel.Item item) {
            Label name = new Label(item.name());
            name.getStyleClass().add("hint");
            if (item.error() != null) {
                Label error = new Label(item.error());
                error.setWrapText(true);
                error.getStyleClass().add("problem");
                error.setMaxWidth(700);
                return new VBox(2, name, error);
            }
            Label target = new Label(item.target());
            target.getStyleClass().add("try-target");
            if (item.correct() != null) {
                target.getStyleClass().add(item.correct() ? "correct" : "wrong");
            }
            Label alternatives = new Label(item.alternatives());
            alternatives.getStyleClass().add("hint");
            Label source = new Label(item.source());
            VBox text = new VBox(3, name, target, alternatives, source);
            HBox card = new HBox(10, FxImages.view(item.programmed(), IMAGE_SIDE), text);
            card.setAlignment(Pos.CENTER_LEFT);
            return card;
        }
    }
}
