package org.reprogram.workbench.ui;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.converter.IntegerStringConverter;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.program.ProgramKind;

/** The setup panel: source, target, program, mapping and optimisation values; binds only. */
final class SetupView {

    private final VBox root = new VBox(8);
    private final TrainingViewModel vm;
    private final Label modelCard = new Label();

    SetupView(TrainingViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("panel");
        root.setPrefWidth(330);
        Label title = new Label("Experiment");
        title.getStyleClass().add("title");

        List<String> sources = new ArrayList<>();
        sources.add("builtin");
        SourceModels.builtinNames().forEach(n -> sources.add("builtin:" + n));
        ComboBox<String> source = new ComboBox<>(FXCollections.observableArrayList(sources));
        source.setEditable(true);
        source.setId("source");
        source.valueProperty().bindBidirectional(vm.source);
        Button openPt = new Button("Open TorchScript…");
        openPt.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("TorchScript", "*.pt"));
            File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                vm.source.set(f.getPath());
            }
        });
        modelCard.setWrapText(true);
        modelCard.setId("modelCard");
        vm.source.addListener((o, a, s) -> showCard(s));
        showCard(vm.source.get());

        TextField target = new TextField();
        target.setId("target");
        target.setPromptText("target dataset folder");
        target.textProperty().bindBidirectional(vm.target);
        Button browse = new Button("Folder…");
        browse.setOnAction(e -> {
            File d = new DirectoryChooser().showDialog(root.getScene().getWindow());
            if (d != null) {
                vm.target.set(d.getPath());
            }
        });
        Button sample = new Button("Sample digits");
        sample.setId("sampleDigits");
        sample.setOnAction(e -> vm.target.set(TargetDatasets.sampleDigits().toString()));

        ComboBox<ProgramKind> program = new ComboBox<>(FXCollections.observableArrayList(ProgramKind.values()));
        program.valueProperty().bindBidirectional(vm.program);
        ComboBox<MappingKind> mapping = new ComboBox<>(FXCollections.observableArrayList(MappingKind.values()));
        mapping.valueProperty().bindBidirectional(vm.mapping);
        ComboBox<String> trainer = new ComboBox<>(FXCollections.observableArrayList("whitebox", "blackbox"));
        trainer.valueProperty().bindBidirectional(vm.trainer);
        ComboBox<String> device = new ComboBox<>(FXCollections.observableArrayList("auto", "cpu", "gpu"));
        device.valueProperty().bindBidirectional(vm.device);
        TextField lr = new TextField();
        lr.textProperty().bindBidirectional(vm.lr);

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Source model"), source);
        g.addRow(r++, new Label(""), openPt);
        g.addRow(r++, new Label("Target folder"), target);
        g.addRow(r++, new Label(""), new javafx.scene.layout.HBox(6, browse, sample));
        g.addRow(r++, new Label("Program"), program);
        g.addRow(r++, new Label("Inner size (pad)"), spinner(vm.innerSize, 0, 1024, "innerSize"));
        g.addRow(r++, new Label("Label mapping"), mapping);
        g.addRow(r++, new Label("Trainer"), trainer);
        g.addRow(r++, new Label("Epochs"), spinner(vm.epochs, 1, 10000, "epochs"));
        g.addRow(r++, new Label("Batch size"), spinner(vm.batchSize, 1, 4096, "batchSize"));
        g.addRow(r++, new Label("Learning rate"), lr);
        g.addRow(r++, new Label("Seed"), spinner(vm.seed, 0, Integer.MAX_VALUE, "seed"));
        g.addRow(r++, new Label("Shots / class (0 = all)"), spinner(vm.shots, 0, 100000, "shots"));
        g.addRow(r, new Label("Device"), device);

        Label datasetStatus = new Label();
        datasetStatus.setId("datasetStatus");
        datasetStatus.setWrapText(true);
        datasetStatus.textProperty().bind(vm.datasetStatus);
        DatasetPreview preview = new DatasetPreview();
        vm.dataset.addListener((o, a, d) -> preview.show(d));

        Label problems = new Label();
        problems.setId("problems");
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problems);
        root.getChildren().addAll(title, g, problems, datasetStatus, preview, modelCard);
    }

    private void showCard(String spec) {
        try {
            ModelCard c = SourceModels.card(spec);
            modelCard.getStyleClass().remove("problem");
            modelCard.setText(c.name() + ": input " + java.util.Arrays.toString(c.inputShape()) + ", "
                    + c.numClasses() + " classes (" + String.join(", ", c.classNames()) + ")\n" + c.description());
        } catch (UserInputException e) {
            modelCard.getStyleClass().add("problem");
            modelCard.setText(e.getMessage());
        }
    }

    private static Spinner<Integer> spinner(javafx.beans.property.IntegerProperty p, int min, int max, String id) {
        Spinner<Integer> s = new Spinner<>(min, max, p.get());
        s.setEditable(true);
        s.setId(id);
        s.getEditor().setTextFormatter(new javafx.scene.control.TextFormatter<>(new IntegerStringConverter(), p.get()));
        s.getValueFactory().valueProperty().addListener((o, a, v) -> p.set(v == null ? min : v));
        p.addListener((o, a, v) -> s.getValueFactory().setValue(v.intValue()));
        return s;
    }

    VBox root() {
        return root;
    }
}
