package org.reprogram.workbench.ui.setup;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ImageGrid;
import org.reprogram.workbench.core.spec.Settings;

/**
 * The setup form: source model and card, target dataset and preview, then the fields of the
 * parameter registry's settings in two sections, program and mapping, and optimisation
 * ({@link SettingSection}, {@link SetupSettings}).
 */
public final class SetupView extends VBox {

    private final SetupViewModel vm;
    private final Form form = new Form();

    public SetupView(SetupViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().addAll("panel", "setup");
        sourceSection();
        targetSection();
        form.wide(new PromptsView(vm));
        SettingSection.add(form, vm, "Input program and label mapping", SetupSettings.method());
        SettingSection.add(form, vm, "Optimisation", SetupSettings.optimisation());
        getChildren().add(form.grid);
    }

    private void sourceSection() {
        form.header("Source model (frozen)");
        ComboBox<String> source = new ComboBox<>(vm.sourceChoices);
        source.setId(Settings.SOURCE.parameter().key());
        Form.markInvalid(source, vm.problem(Settings.SOURCE));
        source.setMaxWidth(Double.MAX_VALUE);
        source.valueProperty().bindBidirectional(vm.source);
        source.setEditable(true); // a model path can be typed (Enter checks it)
        source.setPromptText("builtin:NAME or the path of a TorchScript .pt");
        Button open = new Button("Open TorchScript…");
        open.setId("openTorchScript");
        open.setTooltip(new Tooltip("A .pt saved with torch.jit.save, next to a .pt.json sidecar with inputShape,"
                + " classNames and optionally mean/std; a vision-language (CLIP-style) model: a sidecar of kind"
                + " \"vision-language\" naming its image and text methods and its tokenizer.json"));
        open.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Open a TorchScript model (classifier or vision-language)");
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
        form.wide(Form.error("modelError", vm.problem(Settings.SOURCE)));
    }

    private void targetSection() {
        form.header("Target dataset");
        TextField target = new TextField(vm.target().get());
        target.setId(Settings.TARGET.parameter().key());
        Form.markInvalid(target, vm.problem(Settings.TARGET));
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
        CheckBox skipBad = new CheckBox(Settings.SKIP_BAD_IMAGES.parameter().label());
        skipBad.setId(Settings.SKIP_BAD_IMAGES.parameter().key());
        skipBad.setTooltip(new Tooltip(Fields.capitalized(Settings.SKIP_BAD_IMAGES.parameter().help())));
        skipBad.selectedProperty().bindBidirectional(vm.skipBadImages);
        form.wide(new VBox(4, target, new HBox(6, browse, sample), skipBad));
        Label message = Form.error("datasetError", Bindings.when(vm.targetHint().isEmpty())
                .then(vm.problem(Settings.TARGET)).otherwise(vm.targetHint()));
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
