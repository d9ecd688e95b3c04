package org.reprogram.workbench.ui.setup;

import org.reprogram.workbench.core.param.BooleanType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ValueType;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 18: the setup form comes from the parameter registry. Every setting has a control (by its
 * key, of its value type, with its label and help), every setting a registered program or mapping
 * declares has one that is enabled exactly while that program or mapping is chosen, and a bad value
 * is reported beside the field of its setting id.
 */
@ExtendWith(ApplicationExtension.class)
class SetupFormFromRegistryGuiTest {

    private SetupViewModel vm;
    private SetupView view;

    @Start
    void start(Stage stage) {
        vm = new SetupViewModel(new SyncTaskExecutor());
        vm.useSampleDigits();
        view = new SetupView(vm);
        stage.setScene(new Scene(new ScrollPane(view), 600, 800));
        stage.show();
    }

    private Control control(FxRobot robot, Setting<?> s) {
        return robot.from(view).lookup("#" + s.parameter().key()).queryAs(Control.class);
    }

    private Label labelOf(FxRobot robot, Control control) {
        return robot.from(view).lookup((Node n) -> n instanceof Label l && l.getLabelFor() == control)
                .queryAs(Label.class);
    }

    @Test
    void everySettingHasAControlOfItsTypeWithItsLabelAndHelp(FxRobot robot) {
        Set<Setting<?>> ownControls = Set.of(Settings.SOURCE, Settings.TARGET, Settings.SKIP_BAD_IMAGES);
        for (Setting<?> s : ParameterRegistry.all()) {
            boolean hidden = s == Settings.METHOD || s.id().startsWith("resources.") && s != Settings.DEVICE;
            if (hidden) {
                assertFalse(SetupSettings.shown().contains(s), s.id() + ": the form does not show it");
                continue;
            }
            Control c = control(robot, s);
            assertNotNull(c, s.id());
            if (ownControls.contains(s)) {
                continue;
            }
            assertTrue(SetupSettings.shown().contains(s), s.id());
            ValueType<?> type = s.parameter().type();
            Class<?> expected = !type.choices().isEmpty() ? ComboBox.class
                    : type instanceof BooleanType ? CheckBox.class : TextField.class;
            assertTrue(expected.isInstance(c), s.id() + " is a " + c.getClass().getSimpleName());
            if (c instanceof ComboBox<?> box) {
                assertEquals(type.choices(), List.copyOf(box.getItems()), s.id() + ": every choice is listed");
            }
            Label label = labelOf(robot, c);
            assertEquals(SettingSection.label(s.parameter()), label.getText());
            assertTrue(label.getText().startsWith(s.parameter().label()), label.getText());
            assertNotNull(c.getTooltip(), s.id() + " has a hint");
            assertTrue(c.getTooltip().getText().toLowerCase().contains(s.parameter().help().toLowerCase()),
                    s.id() + ": the hint is the parameter's help: " + c.getTooltip().getText());
        }
    }

    @Test
    void everyParameterOfEveryRegisteredProgramAndMappingHasAFieldEnabledWhileItIsChosen(FxRobot robot) {
        for (ProgramType t : ProgramTypes.all()) {
            robot.interact(() -> vm.field(Settings.PROGRAM).set(t.id()));
            for (Setting<?> s : SetupSettings.method()) {
                if (s.id().startsWith("program.")) {
                    boolean declared = t.parameters().contains(s.parameter());
                    assertEquals(declared, !control(robot, s).isDisabled(), t.id() + " / " + s.id());
                }
            }
            for (Parameter<?> p : t.parameters()) {
                assertTrue(SetupSettings.method().contains(ParameterRegistry.get(p.id())), p.id());
            }
        }
        for (MappingType t : MappingTypes.all()) {
            robot.interact(() -> vm.field(Settings.MAPPING).set(t.id()));
            for (Parameter<?> p : t.parameters()) {
                Control c = control(robot, ParameterRegistry.get(p.id()));
                assertFalse(c.isDisabled(), t.id() + " / " + p.id());
            }
        }
        robot.interact(() -> vm.field(Settings.TRAINER).set("whitebox"));
        assertTrue(control(robot, Settings.QUERY_DIRECTIONS).isDisabled(), "black-box only");
        robot.interact(() -> vm.field(Settings.TRAINER).set("blackbox"));
        assertFalse(control(robot, Settings.QUERY_DIRECTIONS).isDisabled());
        robot.interact(() -> {
            vm.field(Settings.TRAINER).set("whitebox");
            vm.field(Settings.PROGRAM).set("pad");
            vm.field(Settings.MAPPING).set("ilm");
        });
    }

    @Test
    void aBadValueIsShownBesideTheFieldOfItsSettingAndNowhereElse(FxRobot robot) {
        robot.interact(() -> vm.field(Settings.PROGRAM).set("scale"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
        for (Setting<?> s : SetupSettings.shown()) {
            if (!(control(robot, s) instanceof TextField field) || field.isDisabled()) {
                continue;
            }
            String before = field.getText();
            robot.interact(() -> field.setText("x?"));
            Label message = robot.from(view).lookup("#" + s.parameter().key() + "Problem").queryAs(Label.class);
            assertTrue(message.getText().startsWith(s.parameter().label() + ": 'x?' is "), s.id() + ": " + message.getText());
            assertTrue(field.getStyleClass().contains("invalid"), s.id());
            assertEquals(List.of(message.getText()), List.copyOf(vm.problems), s.id() + ": one problem, at its field");
            robot.interact(() -> field.setText(before));
            assertEquals("", message.getText(), s.id());
        }
        robot.interact(() -> vm.field(Settings.PROGRAM).set("pad"));
    }
}
