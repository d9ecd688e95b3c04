package org.reprogram.workbench.ui.setup;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.train.LearningRateSchedule;
import org.reprogram.workbench.ui.common.ImageGrid;

/** The setup form: source model and card, target dataset and preview, method ({@link MethodSection}), optimisation. */
public final class SetupView extends VBox {

    private final SetupViewModel vm;
    private final Form form = new Form();

    public SetupView(SetupViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().addAll("panel", "setup");
        sourceSection();
        targetSection();
        MethodSection.add(form, vm);
        optimisationSection();
        getChildren().add(form.grid);
    }

    private void sourceSection() {
        form.header("Source model (frozen)");
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
        form.wide(new VBox(4, source, open));
        Label card = new Label();
        card.setId("modelCard");
        card.setWrapText(true);
        card.getStyleClass().add("card");
        card.textProperty().bind(Bindings.createStringBinding(() -> cardText(vm.modelCard().get(),
                vm.modelChecking().get()), vm.modelCard(), vm.modelChecking()));
        card.visibleProperty().bind(card.textProperty().isNotEmpty());
        card.managedProperty().bind(card.visibleProperty());
        form.wide(card);
        form.wide(Form.error("modelError", vm.modelError()));
    }

    private void targetSection() {
        form.header("Target dataset");
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
        form.wide(new VBox(4, target, new HBox(6, browse, sample)));
        Label summary = new Label();
        summary.setId("datasetSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.datasetSummary());
        form.wide(summary);
        form.wide(Form.error("datasetError", vm.datasetError()));
        ImageGrid preview = new ImageGrid(28);
        preview.setId("datasetPreview");
        preview.setPrefWrapLength(320);
        preview.bind(vm.preview());
        form.wide(preview);
    }

    private void optimisationSection() {
        form.header("Optimisation");
        form.field("Epochs", Form.text("epochs", vm.epochs), null);
        form.field("Batch size", Form.text("batchSize", vm.batchSize), null);
        form.field("Learning rate", Form.text("lr", vm.lr), "Adam step size (0.01–0.05 for pixel-space programs)");
        ComboBox<LearningRateSchedule> schedule = new ComboBox<>(
                FXCollections.observableArrayList(LearningRateSchedule.values()));
        schedule.valueProperty().bindBidirectional(vm.schedule);
        Choices.words(schedule, l -> l.name().toLowerCase(java.util.Locale.ROOT), null);
        form.field("LR schedule", schedule, "step: ×0.1 at 50 % and 72 % of the steps; cosine: decays to zero");
        form.field("Weight decay", Form.text("weightDecay", vm.weightDecay), "L2 penalty on the program weights");
        form.field("Seed", Form.text("seed", vm.seed), "Seeds splits, shuffling, random mapping and initialisation:"
                + " the same seed repeats a run exactly");
        form.field("Shots per class", Form.text("shots", vm.shots), "Training images per class (0 = all)");
        form.field("Validation share", Form.text("valFraction", vm.valFraction), "Share of the training images held out");
        ComboBox<String> device = new ComboBox<>(FXCollections.observableArrayList("auto", "cpu", "gpu"));
        device.setId("device");
        device.valueProperty().bindBidirectional(vm.device);
        form.field("Device", device, "auto: the GPU when one is visible, else the CPU (a notice says so)");
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
}
