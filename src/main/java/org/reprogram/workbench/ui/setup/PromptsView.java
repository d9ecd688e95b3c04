package org.reprogram.workbench.ui.setup;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.reprogram.workbench.core.mapping.text.TextSettings;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.ui.common.ProblemLabel;

/**
 * The prompts section under the target preview, shown for a vision-language source (or a text
 * mapping): each target class (its folder name) with the name its prompts say, the text mappings'
 * settings as the registry declares them (class names as one line, template, template set,
 * descriptions file, top k), an editor or a chooser of the descriptions file, and the prompts the
 * chosen mapping makes of them, live. Binds only ({@link PromptsViewModel}).
 */
final class PromptsView extends VBox {

    private final SetupViewModel setup;
    private final PromptsViewModel vm;
    private final GridPane names = new GridPane();
    /** Classes side by side in the names' grid. */
    private static final int PAIRS = 2;

    PromptsView(SetupViewModel setup) {
        super(4);
        this.setup = setup;
        this.vm = setup.prompts;
        setId("prompts");
        getStyleClass().add("prompts");
        Form form = new Form();
        form.header("Prompts: the classes in words");
        form.caption("promptsHint", Bindings.createStringBinding(() -> "A vision-language model reads each class"
                + " as text. The folder names are a start: write the word the prompts should say for each class."
                + " Names cannot contain commas."));
        names.setId("classNameRows");
        names.setHgap(8);
        names.setVgap(2);
        for (int pair = 0; pair < PAIRS; pair++) { // folder name, then its name: two classes a row
            ColumnConstraints folder = new ColumnConstraints();
            folder.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints name = new ColumnConstraints();
            name.setHgrow(Priority.ALWAYS);
            name.setMinWidth(60);
            names.getColumnConstraints().addAll(folder, name);
        }
        vm.classes.addListener((ListChangeListener<PromptsViewModel.ClassName>) c -> rows());
        rows();
        form.wide(names);
        SettingSection.fields(form, setup, SetupSettings.prompts());
        form.wide(descriptionButtons());
        form.caption("promptPreviewCaption", vm.previewCaption);
        ListView<String> preview = new ListView<>(vm.preview);
        preview.setId("promptPreview");
        preview.setPrefHeight(150);
        preview.setMinHeight(80);
        preview.setFocusTraversable(false);
        preview.setCellFactory(v -> new ListCell<>() { // a long prompt is cut with "…", whole in its tooltip
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null ? null : new Tooltip(s));
            }
        });
        preview.visibleProperty().bind(Bindings.isNotEmpty(vm.preview));
        preview.managedProperty().bind(preview.visibleProperty());
        form.wide(preview);
        getChildren().add(form.grid);
        visibleProperty().bind(vm.shown);
        managedProperty().bind(visibleProperty());
    }

    /** Per target class, two a row: folder name, its name in a text field, the name's problem under it. */
    private void rows() {
        names.getChildren().clear();
        for (int i = 0; i < vm.classes.size(); i++) {
            int r = 2 * (i / PAIRS);
            int col = 2 * (i % PAIRS);
            PromptsViewModel.ClassName c = vm.classes.get(i);
            Label folder = new Label(c.folder());
            folder.getStyleClass().add("hint");
            TextField field = new TextField();
            field.setId("className" + i);
            field.textProperty().bindBidirectional(c.name());
            folder.setLabelFor(field);
            field.setTooltip(new Tooltip("The name the prompts say for class '" + c.folder() + "' (folder name)"));
            Form.markInvalid(field, c.problem());
            names.add(folder, col, r);
            names.add(field, col + 1, r);
            Label problem = ProblemLabel.of("className" + i + "Problem", c.problem(), true);
            names.add(problem, col, r + 1, 2, 1);
        }
    }

    /** "Write descriptions…" (an editor that saves a JSON file) and "Choose file…" (an existing one). */
    private HBox descriptionButtons() {
        Button write = new Button("Write descriptions…");
        write.setId("writeDescriptions");
        write.setTooltip(new Tooltip("Several descriptions per class, one per line; saved as a JSON file that"
                + " the Descriptions file field then names"));
        write.setOnAction(e -> new DescriptionsEditor(setup.prompts.descriptionsEditor(), setup.target().get())
                .show(getScene().getWindow()));
        Button choose = new Button("Choose file…");
        choose.setId("chooseDescriptions");
        choose.setTooltip(new Tooltip("An existing descriptions file: {\"class name\": [\"a description\", …], …}"));
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Choose a descriptions file");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Descriptions (*.json)", "*.json"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                setup.field(TextSettings.DESCRIPTIONS.id()).set(f.getAbsolutePath());
            }
        });
        HBox box = new HBox(6, write, choose);
        box.disableProperty().bind(setup.used(ParameterRegistry.get(TextSettings.DESCRIPTIONS.id())).not());
        box.visibleProperty().bind(box.disableProperty().not());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
