package org.reprogram.workbench.ui;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.LearningRateSchedule;

/** The setup form: source model and card, target dataset and preview, program, mapping, optimisation. */
public final class SetupView extends VBox {

    private final SetupViewModel vm;
    private final GridPane grid = new GridPane();
    private int row;

    public SetupView(SetupViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().addAll("panel", "setup");
        grid.setHgap(8);
        grid.setVgap(6);
        sourceSection();
        targetSection();
        programSection();
        optimisationSection();
        getChildren().add(grid);
    }

    private void sourceSection() {
        header("Source model (frozen)");
        ComboBox<String> source = new ComboBox<>(vm.sourceChoices);
        source.setId("source");
        source.setMaxWidth(Double.MAX_VALUE);
        source.valueProperty().bindBidirectional(vm.source);
        Button open = new Button("Open TorchScript…");
        open.setId("openTorchScript");
        open.setTooltip(new Tooltip("A .pt saved with torch.jit.save, next to a .pt.json sidecar with inputShape,"
                + " classNames and optionally mean/std"));
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a TorchScript classifier");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("TorchScript model (*.pt)", "*.pt"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                vm.openTorchScript(f.toPath());
            }
        });
        wide(new VBox(4, source, open));
        Label card = new Label();
        card.setId("modelCard");
        card.setWrapText(true);
        card.getStyleClass().add("card");
        card.textProperty().bind(Bindings.createStringBinding(() -> cardText(vm.modelCard().get(),
                vm.modelChecking().get()), vm.modelCard(), vm.modelChecking()));
        card.visibleProperty().bind(card.textProperty().isNotEmpty());
        card.managedProperty().bind(card.visibleProperty());
        wide(card);
        wide(error("modelError", vm.modelError()));
    }

    private void targetSection() {
        header("Target dataset");
        TextField target = new TextField(vm.target().get());
        target.setId("target");
        target.setPromptText("folder with train/test class folders or IDX files");
        vm.target().addListener((o, a, t) -> target.setText(t));
        target.setOnAction(e -> vm.target().set(target.getText()));
        target.focusedProperty().addListener((o, a, f) -> {
            if (!f && !target.getText().equals(vm.target().get())) {
                vm.target().set(target.getText());
            }
        });
        Button browse = new Button("Choose folder…");
        browse.setId("browseTarget");
        browse.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Choose the target dataset folder");
            File f = dc.showDialog(getScene().getWindow());
            if (f != null) {
                vm.target().set(f.getPath());
            }
        });
        Button sample = new Button("Sample digits");
        sample.setId("sampleDigits");
        sample.setTooltip(new Tooltip("The shipped 8×8 handwritten digits (10 classes)"));
        sample.setOnAction(e -> vm.useSampleDigits());
        wide(new VBox(4, target, new HBox(6, browse, sample)));
        Label summary = new Label();
        summary.setId("datasetSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.datasetSummary());
        wide(summary);
        wide(error("datasetError", vm.datasetError()));
        ImageGrid preview = new ImageGrid(28);
        preview.setId("datasetPreview");
        preview.setPrefWrapLength(320);
        preview.bind(vm.preview());
        wide(preview);
    }

    private void programSection() {
        header("Input program and label mapping");
        ComboBox<ProgramKind> program = new ComboBox<>(FXCollections.observableArrayList(ProgramKind.values()));
        program.setId("program");
        program.valueProperty().bindBidirectional(vm.program);
        field("Program", program, "pad: a learned frame around the shrunken target image; full: a learned"
                + " delta over the whole (resized) image");
        TextField inner = text("innerSize", vm.innerSize);
        inner.disableProperty().bind(vm.program.isEqualTo(ProgramKind.FULL));
        field("Inner size (px, 0 = half)", inner, "Side of the target image inside the source canvas (pad only)");
        ComboBox<MappingKind> mapping = new ComboBox<>(FXCollections.observableArrayList(MappingKind.values()));
        mapping.setId("mapping");
        mapping.valueProperty().bindBidirectional(vm.mapping);
        field("Label mapping", mapping, null);
        Label mappingInfo = new Label();
        mappingInfo.getStyleClass().add("hint");
        mappingInfo.setWrapText(true);
        mappingInfo.textProperty().bind(Bindings.createStringBinding(() -> vm.mapping.get() == null ? ""
                : vm.mapping.get().description(), vm.mapping));
        wide(mappingInfo);
        TextField spc = text("sourcesPerClass", vm.sourcesPerClass);
        spc.disableProperty().bind(vm.mapping.isNotEqualTo(MappingKind.RANDOM));
        field("Sources per class", spc, "Random mapping: source classes averaged for each target class");
        ComboBox<String> trainer = new ComboBox<>(FXCollections.observableArrayList("whitebox", "blackbox"));
        trainer.setId("trainer");
        trainer.valueProperty().bindBidirectional(vm.trainer);
        field("Trainer", trainer, "whitebox: backprop through the frozen model; blackbox: zeroth-order, queries only");
        TextField q = text("queryDirections", vm.queryDirections);
        q.disableProperty().bind(vm.trainer.isNotEqualTo("blackbox"));
        field("Query directions", q, "Black-box: random directions per step (q + 1 queries per image)");
        TextField beta = text("smoothing", vm.smoothing);
        beta.disableProperty().bind(vm.trainer.isNotEqualTo("blackbox"));
        field("Smoothing β", beta, "Black-box: step of the finite differences");
    }

    private void optimisationSection() {
        header("Optimisation");
        field("Epochs", text("epochs", vm.epochs), null);
        field("Batch size", text("batchSize", vm.batchSize), null);
        field("Learning rate", text("lr", vm.lr), "Adam step size (0.01–0.05 for pixel-space programs)");
        ComboBox<LearningRateSchedule> schedule = new ComboBox<>(
                FXCollections.observableArrayList(LearningRateSchedule.values()));
        schedule.valueProperty().bindBidirectional(vm.schedule);
        field("LR schedule", schedule, "step: ×0.1 at 50 % and 72 % of the steps; cosine: decays to zero");
        field("Weight decay", text("weightDecay", vm.weightDecay), "L2 penalty on the program weights");
        field("Seed", text("seed", vm.seed), "Seeds splits, shuffling, random mapping and initialisation:"
                + " the same seed repeats a run exactly");
        field("Shots per class", text("shots", vm.shots), "Training images per class (0 = all)");
        field("Validation share", text("valFraction", vm.valFraction), "Share of the training images held out");
        ComboBox<String> device = new ComboBox<>(FXCollections.observableArrayList("auto", "cpu", "gpu"));
        device.setId("device");
        device.valueProperty().bindBidirectional(vm.device);
        field("Device", device, "auto: the GPU when one is visible, else the CPU (a notice says so)");
    }

    private static String cardText(ModelCard c, boolean checking) {
        if (checking) {
            return "Checking the model …";
        }
        if (c == null) {
            return "";
        }
        List<String> names = c.classNames();
        String classes = names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + ", … (" + names.size() + ")";
        return String.format(Locale.ROOT, "%s · input %d×%d×%d · %d classes%s%n%s%n%s", c.name(), c.channels(),
                c.height(), c.width(), c.numClasses(), c.testAccuracy() == null ? ""
                        : String.format(Locale.ROOT, " · source test accuracy %.1f %%", 100 * c.testAccuracy()),
                classes, c.description() == null ? "" : c.description());
    }

    private void header(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        grid.add(l, 0, row++, 2, 1);
    }

    private void field(String name, Node control, String tip) {
        Label l = new Label(name);
        if (tip != null) {
            l.setTooltip(new Tooltip(tip));
            if (control instanceof javafx.scene.control.Control c) {
                c.setTooltip(new Tooltip(tip));
            }
        }
        grid.addRow(row++, l, control);
    }

    private void wide(Node n) {
        grid.add(n, 0, row++, 2, 1);
    }

    private static TextField text(String id, StringProperty p) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(8);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static Label error(String id, StringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("problem");
        l.textProperty().bind(text);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
