package org.reprogram.workbench.ui.setup;

import java.io.File;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ImageGrid;
import org.reprogram.workbench.ui.common.SetupField;

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
        source.setId(SetupField.SOURCE.id());
        Form.markInvalid(source, vm.problem(SetupField.SOURCE));
        source.setMaxWidth(Double.MAX_VALUE);
        source.valueProperty().bindBidirectional(vm.source);
        source.setEditable(true); // a model path can be typed (Enter checks it)
        source.setPromptText("builtin:NAME or the path of a TorchScript .pt");
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
        card.textProperty().bind(Bindings.createStringBinding(() -> vm.modelChecking().get() ? "Checking the model …"
                : ModelCardText.summary(vm.modelCard().get()), vm.modelCard(), vm.modelChecking()));
        card.visibleProperty().bind(card.textProperty().isNotEmpty());
        card.managedProperty().bind(card.visibleProperty());
        form.wide(card);
        form.wide(reproduceLink());
        form.wide(Form.error("modelError", vm.problem(SetupField.SOURCE)));
    }

    private void targetSection() {
        form.header("Target dataset");
        TextField target = new TextField(vm.target().get());
        target.setId(SetupField.TARGET.id());
        Form.markInvalid(target, vm.problem(SetupField.TARGET));
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
        CheckBox skipBad = new CheckBox("Skip unreadable images");
        skipBad.setId("skipBadImages");
        skipBad.setTooltip(new Tooltip("Leave out images that cannot be read (broken, not an image, too large) and list"
                + " them under the folder, in the run's notices and in result.json, instead of refusing the folder"
                + " (--skip-bad-images)"));
        skipBad.selectedProperty().bindBidirectional(vm.skipBadImages);
        form.wide(new VBox(4, target, new HBox(6, browse, sample), skipBad));
        Label message = Form.error("datasetError", Bindings.when(vm.targetHint().isEmpty())
                .then(vm.problem(SetupField.TARGET)).otherwise(vm.targetHint()));
        Form.problemStyle(message, vm.targetHint().isEmpty());
        form.wide(message);
        Label summary = new Label();
        summary.setId("datasetSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.datasetSummary());
        form.wide(summary);
        ImageGrid preview = new ImageGrid(28);
        preview.setId("datasetPreview");
        preview.setPrefWrapLength(320);
        preview.bind(vm.preview());
        form.wide(preview);
    }

    /** "Reproduce…": the command line that trained the model, in its tooltip; a click copies it. */
    private Hyperlink reproduceLink() {
        Hyperlink link = new Hyperlink("Reproduce…");
        link.setId("reproduce");
        link.getStyleClass().add("hint");
        StringBinding command = Bindings.createStringBinding(() -> vm.modelChecking().get() ? ""
                : ModelCardText.reproduceCommand(vm.modelCard().get()), vm.modelCard(), vm.modelChecking());
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        tip.textProperty().bind(Bindings.concat("How this model was trained (command line, click to copy):\n", command));
        link.setTooltip(tip);
        link.visibleProperty().bind(command.isNotEmpty());
        link.managedProperty().bind(link.visibleProperty());
        command.addListener(o -> link.setText("Reproduce…"));
        link.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command.get());
            Clipboard.getSystemClipboard().setContent(content);
            link.setText("Reproduce… (command copied)");
            link.setVisited(false);
        });
        return link;
    }

    private void optimisationSection() {
        form.header("Optimisation");
        form.field(SetupField.EPOCHS, Form.text(SetupField.EPOCHS, vm.epochs), null, vm.problem(SetupField.EPOCHS));
        form.field(SetupField.BATCH_SIZE, Form.text(SetupField.BATCH_SIZE, vm.batchSize), null,
                vm.problem(SetupField.BATCH_SIZE));
        form.field(SetupField.LR, Form.text(SetupField.LR, vm.lr), "Adam step size (0.01–0.05 for pixel-space programs)",
                vm.problem(SetupField.LR));
        ComboBox<LearningRateSchedule> schedule = new ComboBox<>(
                FXCollections.observableArrayList(LearningRateSchedule.values()));
        schedule.setId(SetupField.SCHEDULE.id());
        schedule.valueProperty().bindBidirectional(vm.schedule);
        Choices.words(schedule, l -> l.name().toLowerCase(Locale.ROOT), null);
        form.field(SetupField.SCHEDULE, schedule, "step: ×0.1 at 50 % and 72 % of the steps; cosine: decays to zero",
                vm.problem(SetupField.SCHEDULE));
        form.field(SetupField.WEIGHT_DECAY, Form.text(SetupField.WEIGHT_DECAY, vm.weightDecay),
                "L2 penalty on the program weights", vm.problem(SetupField.WEIGHT_DECAY));
        form.field(SetupField.SEED, Form.text(SetupField.SEED, vm.seed), "Seeds splits, shuffling, random mapping and"
                + " initialisation: the same seed repeats a run exactly", vm.problem(SetupField.SEED));
        TextField shots = Form.text(SetupField.SHOTS, vm.shots);
        shots.setPromptText(Fields.ALL);
        form.field(SetupField.SHOTS, shots, "Training images per class, e.g. 16 for a few-shot run; all (or 0 or"
                + " empty): every training image", vm.problem(SetupField.SHOTS));
        form.field(SetupField.VAL_FRACTION, Form.text(SetupField.VAL_FRACTION, vm.valFraction),
                "Share of the training images held out for validation (0 … below 0.9)", vm.problem(SetupField.VAL_FRACTION));
        ComboBox<String> device = new ComboBox<>(FXCollections.observableArrayList("auto", "cpu", "gpu"));
        device.setId(SetupField.DEVICE.id());
        device.valueProperty().bindBidirectional(vm.device);
        form.field(SetupField.DEVICE, device, "auto: the GPU when one is visible, else the CPU (a notice says so)",
                vm.problem(SetupField.DEVICE));
    }

    /**
     * The footer's one line under the setup: "2 fields need attention" (each field shows its own
     * problem), never a growing list; its tooltip lists them all. The line keeps its room while
     * empty, so Start never moves.
     */
    public static Label attentionLine(SetupViewModel vm) {
        Label line = new Label();
        line.setId("attention");
        Form.problemStyle(line, vm.attentionIsProblem());
        line.setTextOverrun(OverrunStyle.ELLIPSIS);
        line.textProperty().bind(vm.attention());
        Tooltip all = new Tooltip();
        all.setWrapText(true);
        all.setMaxWidth(480);
        all.textProperty().bind(Bindings.createStringBinding(() -> "• " + String.join("\n• ", vm.problems), vm.problems));
        line.setTooltip(all);
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.visibleProperty().bind(line.textProperty().isNotEmpty());
        return line;
    }
}
