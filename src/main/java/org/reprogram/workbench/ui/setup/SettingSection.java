package org.reprogram.workbench.ui.setup;

import org.reprogram.workbench.core.param.BooleanType;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ValueType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.Fields;

/**
 * A section of the setup form generated from registry settings: for each, a control chosen by its
 * value type (a list of its choices in words, a check box, or a text field), with the parameter's
 * key as id, its label (and unit) beside it, its help as the hint, and its problem under it. A
 * field the chosen program, mapping or trainer does not use is disabled.
 */
final class SettingSection {

    private SettingSection() {}

    static void add(Form form, SetupViewModel vm, String title, List<Setting<?>> settings) {
        form.header(title);
        fields(form, vm, settings);
    }

    /** The fields of SETTINGS, without a header (a section that adds its own rows around them). */
    static void fields(Form form, SetupViewModel vm, List<Setting<?>> settings) {
        for (Setting<?> s : settings) {
            Parameter<?> p = s.parameter();
            form.field(p.key(), label(p), control(s, vm), hint(s), vm.problem(s));
            if (s == Settings.PROGRAM) {
                form.caption("programInfo", Bindings.createStringBinding(
                        () -> Choices.describe(ProgramTypes.find(vm.field(s).get())), vm.field(s)));
            } else if (s == Settings.MAPPING) {
                form.caption("mappingInfo", Bindings.createStringBinding(
                        () -> Choices.describe(MappingTypes.find(vm.field(s).get())), vm.field(s)));
                form.caption("classCounts", vm.classCounts).setTooltip(new Tooltip(Choices.CLASS_COUNTS));
            }
        }
    }

    /** The label beside the field: "Inner size (px)". */
    static String label(Parameter<?> p) {
        return p.unit().isEmpty() ? p.label() : p.label() + " (" + p.unit() + ")";
    }

    /** The hint: the parameter's help, after the programs or mappings that declare it ({@link ParameterRegistry#help}). */
    static String hint(Setting<?> s) {
        return Fields.capitalized(ParameterRegistry.help(s));
    }

    /** The control of S by its value type, bound to its field's text. */
    static Control control(Setting<?> s, SetupViewModel vm) {
        ValueType<?> type = s.parameter().type();
        StringProperty text = vm.field(s);
        Control c;
        if (!type.choices().isEmpty()) {
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(type.choices()));
            box.setMaxWidth(Double.MAX_VALUE);
            box.valueProperty().bindBidirectional(text);
            Choices.words(box, id -> Choices.word(s, id), id -> Choices.description(s, id));
            c = box;
        } else if (type instanceof BooleanType) {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.parseBoolean(text.get()));
            box.selectedProperty().addListener((o, was, on) -> text.set(on.toString()));
            text.addListener((o, was, now) -> box.setSelected("true".equalsIgnoreCase(now == null ? "" : now.trim())));
            c = box;
        } else {
            TextField field = new TextField();
            field.setPrefColumnCount(8);
            field.textProperty().bindBidirectional(text);
            c = field;
        }
        c.setId(s.parameter().key());
        c.disableProperty().bind(vm.used(s).not());
        return c;
    }
}
