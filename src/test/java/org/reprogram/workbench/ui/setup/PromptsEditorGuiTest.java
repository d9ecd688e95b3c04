package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.mapping.text.DescriptionsFile;
import org.reprogram.workbench.core.mapping.text.TextSettings;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.VisionLanguageCard;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The prompts section of the setup: each target class's name is edited beside its folder name and
 * written to mapping.class_names; an empty name and a template without {} are shown where they are,
 * never as a dialog; the preview follows the mapping's prompts; a vision-language card switches the
 * mapping to text and a classifier's card switches it back. The card here is made by hand (no model
 * file is read): the setup reacts to the card, whichever model it came from.
 */
@ExtendWith(ApplicationExtension.class)
class PromptsEditorGuiTest {

    private static final String SHIPPED = "builtin:fmnist-clip";
    private SetupViewModel vm;
    private SetupView view;

    @Start
    void start(Stage stage) {
        vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        view = new SetupView(vm);
        stage.setScene(new Scene(new ScrollPane(view), 600, 900));
        stage.show();
    }

    /** A vision-language card as a sidecar would give it (no file behind it). */
    static ModelCard visionLanguageCard() {
        return new ModelCard("tiny-clip", new int[] {1, 28, 28}, List.of(), new float[] {0.3f}, new float[] {0.3f},
                "a test card", 0.8, "encode_image", new VisionLanguageCard("encode_image", "encode_text", null,
                        "tokenizer.json", 16, 0, 8, 100f));
    }

    private TextField field(FxRobot robot, String id) {
        return robot.from(view).lookup("#" + id).queryAs(TextField.class);
    }

    private String text(FxRobot robot, String id) {
        return robot.from(view).lookup("#" + id).queryAs(Label.class).getText();
    }

    @Test
    void aVisionLanguageCardChoosesTheTextMappingAndShowsThePromptsAClassifierGoesBack(FxRobot robot) {
        assertFalse(view.lookup("#prompts").isVisible(), "a classifier with ilm: no prompts section");
        robot.interact(() -> vm.field(Settings.MAPPING).set("blm"));
        robot.interact(() -> vm.modelCard().set(visionLanguageCard()));
        assertEquals("text", vm.field(Settings.MAPPING).get());
        assertTrue(view.lookup("#prompts").isVisible());
        assertTrue(text(robot, "modelCard").contains(ModelCardText.VISION_LANGUAGE), text(robot, "modelCard"));
        ListView<?> preview = robot.from(view).lookup("#promptPreview").queryAs(ListView.class);
        assertEquals(10, preview.getItems().size());
        assertEquals("This is a photo of a 3.", preview.getItems().get(3), "the folder name in the default template");
        robot.interact(() -> vm.modelCard().set(org.reprogram.workbench.core.model.SourceModels.card("builtin")));
        assertEquals("blm", vm.field(Settings.MAPPING).get(), "the classifier's mapping chosen before comes back");
        assertFalse(view.lookup("#prompts").isVisible());
    }

    @Test
    void theShippedVisionLanguageModelIsOfferedChosenAndReadyToTrainOnTheSampleDigits(FxRobot robot) {
        assertTrue(vm.sourceChoices.contains(SHIPPED), String.join(", ", vm.sourceChoices));
        robot.interact(() -> vm.source.set(SHIPPED));
        assertEquals("", vm.modelError().get());
        assertTrue(vm.modelCard().get().isVisionLanguage());
        assertEquals("text", vm.field(Settings.MAPPING).get());
        assertTrue(text(robot, "modelCard").contains(ModelCardText.VISION_LANGUAGE), text(robot, "modelCard"));
        assertTrue(view.lookup("#prompts").isVisible());
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
        robot.interact(() -> vm.field(Settings.MAPPING).set("ilm"));
        assertTrue(vm.problem(Settings.MAPPING).get().contains("vision-language"), vm.problem(Settings.MAPPING).get());
        assertFalse(vm.valid().get(), "a classifier's mapping on a vision-language source blocks Start, inline");
        // the same model opened as a file: loaded (encoders and tokenizer) in the check, no prompts needed
        robot.interact(() -> vm.openTorchScript(org.reprogram.workbench.core.model.SourceModels.builtinDir("fmnist-clip")
                .resolve("model.pt")));
        assertEquals("", vm.modelError().get());
        assertTrue(vm.modelCard().get().isVisionLanguage());
    }

    @Test
    void editingAClassNameWritesTheClassNamesAndThePromptsFollow(FxRobot robot) {
        robot.interact(() -> vm.modelCard().set(visionLanguageCard()));
        assertEquals("", vm.field(TextSettings.CLASS_NAMES.id()).get(), "folder names: nothing written");
        assertEquals("0", field(robot, "className0").getText());
        robot.interact(() -> field(robot, "className3").setText("three"));
        assertEquals("0,1,2,three,4,5,6,7,8,9", vm.field(TextSettings.CLASS_NAMES.id()).get());
        ListView<?> preview = robot.from(view).lookup("#promptPreview").queryAs(ListView.class);
        assertEquals("This is a photo of a three.", preview.getItems().get(3));
        robot.interact(() -> vm.field(TextSettings.TEMPLATE.id()).set("a drawing of the digit {}"));
        assertEquals("a drawing of the digit three", preview.getItems().get(3));
        robot.interact(() -> vm.field(TextSettings.CLASS_NAMES.id()).set("zero,one,two,three,four,five,six,seven,"
                + "eight,nine"));
        assertEquals("seven", field(robot, "className7").getText(), "the rows follow the field");
        robot.interact(() -> vm.field(TextSettings.TEMPLATES.id()).set(TextSettings.WITH_CLIP_80));
        robot.interact(() -> vm.field(Settings.MAPPING).set("text-ilm"));
        assertEquals(PromptsViewModel.PREVIEW_MAX, preview.getItems().size(), "810 prompts, the first 200 listed");
        assertTrue(text(robot, "promptPreviewCaption").startsWith("810 prompts"), text(robot, "promptPreviewCaption"));
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
    }

    @Test
    void anEmptyNameAndATemplateWithoutBracesAreShownInlineAndBlockStart(FxRobot robot) {
        robot.interact(() -> vm.modelCard().set(visionLanguageCard()));
        robot.interact(() -> field(robot, "className2").setText(" "));
        assertTrue(text(robot, "className2Problem").contains("class '2' is empty"), text(robot, "className2Problem"));
        assertTrue(field(robot, "className2").getStyleClass().contains("invalid"));
        assertTrue(vm.problem(TextSettings.CLASS_NAMES.id()).get().contains("is empty"),
                "the registry's problem under the field: " + vm.problem(TextSettings.CLASS_NAMES.id()).get());
        assertFalse(vm.valid().get());
        robot.interact(() -> field(robot, "className2").setText("a,b"));
        assertTrue(text(robot, "className2Problem").contains("comma"), text(robot, "className2Problem"));
        assertFalse(vm.valid().get());
        robot.interact(() -> field(robot, "className2").setText("two"));
        assertEquals("", text(robot, "className2Problem"));
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));

        robot.interact(() -> field(robot, TextSettings.TEMPLATE.key()).setText("a photo of a digit"));
        String problem = text(robot, TextSettings.TEMPLATE.key() + "Problem");
        assertTrue(problem.startsWith("Template ") && problem.contains("has no {} where"), problem);
        assertTrue(text(robot, "promptPreviewCaption").startsWith("No prompts: the template"),
                text(robot, "promptPreviewCaption"));
        assertFalse(vm.valid().get());
        robot.interact(() -> field(robot, TextSettings.TEMPLATE.key()).setText("a photo of the digit {}"));
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
    }

    @Test
    void writeDescriptionsOpensAnEditorPerClassWhoseSaveWaitsForEveryClass(FxRobot robot) {
        robot.interact(() -> {
            vm.modelCard().set(visionLanguageCard());
            vm.field(Settings.MAPPING).set("descriptions");
        });
        javafx.scene.control.Button write = robot.from(view).lookup("#writeDescriptions").queryButton();
        assertTrue(write.isVisible() && !write.isDisabled());
        robot.interact(write::fire);
        javafx.scene.control.Button save = robot.lookup("#saveDescriptions").queryButton();
        assertTrue(save.isDisabled(), "no descriptions yet");
        assertTrue(robot.lookup("#descriptionsEditorProblem").queryAs(Label.class).getText().contains("'9'"),
                robot.lookup("#descriptionsEditorProblem").queryAs(Label.class).getText());
        for (int c = 0; c < 10; c++) {
            javafx.scene.control.TextArea area = robot.lookup("#descriptions" + c)
                    .queryAs(javafx.scene.control.TextArea.class);
            int digit = c;
            robot.interact(() -> area.setText("the digit " + digit));
        }
        assertFalse(save.isDisabled());
        robot.interact(() -> save.getScene().getWindow().hide());
    }

    @Test
    void theDescriptionsEditorWritesAFileThatTheFieldNamesAndTheMappingReads(@TempDir Path dir, FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            vm.modelCard().set(visionLanguageCard());
            vm.field(Settings.MAPPING).set("descriptions");
        });
        assertTrue(vm.problem(TextSettings.DESCRIPTIONS.id()).get().contains("must be given"),
                vm.problem(TextSettings.DESCRIPTIONS.id()).get());
        DescriptionsViewModel editor = vm.prompts.descriptionsEditor();
        assertTrue(editor.problem.get().contains("'0'"), editor.problem.get());
        robot.interact(() -> {
            for (int c = 0; c < 10; c++) {
                editor.texts.get(c).set("a handwritten " + c + "\n\nthe digit " + c + " in ink\n");
            }
        });
        assertEquals("", editor.problem.get());
        Path file = dir.resolve("digits.json");
        robot.interact(() -> editor.save(file, () -> {}));
        assertEquals(file.toAbsolutePath().toString(), vm.field(TextSettings.DESCRIPTIONS.id()).get());
        assertEquals(List.of("a handwritten 4", "the digit 4 in ink"),
                DescriptionsFile.read(file, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")).get(4));
        assertTrue(Files.readString(file).contains("\"9\""));
        assertEquals("", vm.problem(TextSettings.DESCRIPTIONS.id()).get());
        ListView<?> preview = robot.from(view).lookup("#promptPreview").queryAs(ListView.class);
        assertEquals(20, preview.getItems().size());
        assertEquals("the digit 0 in ink", preview.getItems().get(1));
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
    }
}
