package org.reprogram.workbench.ui.studies;

import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.reprogram.workbench.core.spec.Setting;

/**
 * The "New study" form (binds {@link StudyFormViewModel}): each field's problem in red under it,
 * the estimate, and Launch with the reason it is blocked.
 */
final class StudyFormView extends VBox {

    StudyFormView(StudiesViewModel studies) {
        super(6);
        StudyFormViewModel vm = studies.form;
        getStyleClass().add("panel");
        Label title = new Label("New study from the Train tab's setup");
        title.getStyleClass().add("panel-title");
        getChildren().addAll(title, error("baseProblem", vm.error(StudyDraft.BASE)));

        getChildren().addAll(row("Name", text("studyName", vm.name, 14)), error("nameProblem", vm.error(StudyDraft.NAME)));

        ComboBox<Setting<?>> pick = new ComboBox<>(vm.choices);
        pick.setId("varyChoice");
        pick.setPromptText("a setting to vary");
        pick.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(pick, Priority.ALWAYS);
        Function<Setting<?>, String> words = s -> s == null ? "" : s.id() + " (" + s.parameter().label() + ")";
        pick.setCellFactory(l -> cell(words));
        pick.setButtonCell(cell(words));
        Button add = new Button("Vary");
        add.setId("vary");
        add.setMinWidth(Button.USE_PREF_SIZE);
        add.disableProperty().bind(pick.valueProperty().isNull());
        add.setOnAction(e -> {
            vm.vary(pick.getValue());
            pick.setValue(null);
        });
        VBox variedRows = new VBox(4);
        vm.varied.addListener((ListChangeListener<StudyFormViewModel.Varied>) c -> fill(variedRows, vm));
        fill(variedRows, vm);
        getChildren().addAll(section("Settings to vary (values separated by commas)"), new HBox(6, pick, add),
                variedRows, error("parametersProblem", vm.error(StudyDraft.PARAMETERS)));

        getChildren().addAll(section("Replicates and baselines"), row("Seeds (count)", text("seeds", vm.seeds, 4)),
                error("seedsProblem", vm.error(StudyDraft.SEEDS)),
                new HBox(12, check("linearProbe", "linear probe", vm.linearProbe), check("finetune", "fine-tune",
                        vm.finetune), check("scratch", "scratch", vm.scratch)),
                error("baselinesProblem", vm.error(StudyDraft.BASELINES)));

        ToggleGroup search = new ToggleGroup();
        RadioButton grid = new RadioButton("grid (every combination)");
        grid.setToggleGroup(search);
        RadioButton random = new RadioButton("random, run cap");
        random.setId("random");
        random.setToggleGroup(search);
        random.setSelected(vm.random.get());
        grid.setSelected(!vm.random.get());
        vm.random.bind(random.selectedProperty());
        TextField cap = text("runCap", vm.runCap, 4);
        cap.disableProperty().bind(random.selectedProperty().not());
        CheckBox halving = check("halving", "successive halving", vm.halving);
        TextField minIter = text("minIter", vm.minIter, 3);
        TextField eta = text("eta", vm.eta, 3);
        minIter.disableProperty().bind(vm.halving.not());
        eta.disableProperty().bind(vm.halving.not());
        getChildren().addAll(section("Budget"), new HBox(12, grid, new HBox(6, random, cap)),
                error("runCapProblem", vm.error(StudyDraft.RUN_CAP)),
                halving, indented(row(fixed("first rung (epochs)"), minIter, fixed("then keep 1 in"), eta)),
                error("halvingProblem", vm.error(StudyDraft.HALVING)));

        TextField folder = text("studyFolder", vm.folder, 20);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setMinWidth(Button.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Folder to create the study in");
            File parent = vm.folderPath().getParent() == null ? null : vm.folderPath().getParent().toFile();
            if (parent != null && parent.isDirectory()) {
                c.setInitialDirectory(parent);
            }
            File dir = c.showDialog(getScene().getWindow());
            if (dir != null) {
                vm.folder.set(dir.toPath().resolve(vm.folderPath().getFileName()).toString());
            }
        });
        TextField master = text("master", vm.master, 16);
        HBox.setHgrow(master, Priority.ALWAYS);
        master.setPromptText("empty: local mode");
        master.setTooltip(new Tooltip("The Spark master: empty for local mode (trials in this window's JVM, one per"
                + " core), or spark://HOST:PORT for a standalone cluster"));
        getChildren().addAll(section("Where"), new Label("Study folder (created on launch)"),
                row(folder, choose), row("Spark master", master));

        Label estimate = new Label();
        estimate.setId("estimate");
        estimate.setWrapText(true);
        estimate.textProperty().bind(Bindings.concat("Estimate: ", vm.estimate));
        estimate.visibleProperty().bind(vm.estimate.isNotEmpty());
        estimate.managedProperty().bind(estimate.visibleProperty());
        Button launch = new Button("Launch study");
        launch.setId("launchStudy");
        launch.getStyleClass().add("primary");
        launch.disableProperty().bind(studies.canLaunch().not());
        launch.setOnAction(e -> studies.launch());
        Label blocked = new Label();
        blocked.setId("launchBlocked");
        blocked.setWrapText(true);
        blocked.getStyleClass().add("hint");
        blocked.textProperty().bind(studies.blockedReason());
        getChildren().addAll(estimate, launch, blocked);
    }

    private static void fill(VBox rows, StudyFormViewModel vm) {
        rows.getChildren().clear();
        for (StudyFormViewModel.Varied v : vm.varied) {
            String id = v.setting().id();
            String css = id.replace('.', '-'); // a dot would start a style class in a lookup
            TextField values = text("values-" + css, v.values(), 14);
            values.setTooltip(new Tooltip(v.setting().parameter().label() + ": values separated by commas"));
            HBox.setHgrow(values, Priority.ALWAYS);
            Button remove = new Button("✕");
            remove.setTooltip(new Tooltip("Stop varying " + id));
            remove.setOnAction(e -> vm.remove(v));
            Label name = new Label(id);
            name.setMinWidth(Label.USE_PREF_SIZE);
            HBox line = new HBox(6, name, values, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().addAll(line, error("problem-" + css, v.error()));
        }
    }

    private static ListCell<Setting<?>> cell(Function<Setting<?>, String> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Setting<?> s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : words.apply(s));
            }
        };
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static HBox row(String label, Node... nodes) {
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setPrefWidth(90);
        HBox h = new HBox(6, l);
        h.getChildren().addAll(nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static HBox indented(HBox row) {
        row.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
        return row;
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(6, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static TextField text(String id, StringProperty value, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static CheckBox check(String id, String label, javafx.beans.property.BooleanProperty value) {
        CheckBox c = new CheckBox(label);
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    /** A red wrapped message under a field, taking room only while there is one; marks nothing else. */
    private static Label error(String id, ObservableStringValue text) {
        return org.reprogram.workbench.ui.common.ProblemLabel.of(id, text, true);
    }
}
