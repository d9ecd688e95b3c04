package org.reprogram.workbench.ui.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.ui.common.SetupField;

/**
 * The setup's method rows: input program (with its frame activation, inner size and initial
 * scale), label mapping (with sources per class), loss and trainer. A field the chosen method does
 * not use is disabled; each choice is explained in words under it and in the tooltips of its list.
 */
public final class MethodSection {

    private MethodSection() {}

    static void add(Form form, SetupViewModel vm) {
        form.header("Input program and label mapping");
        program(form, vm);
        mapping(form, vm);
        ComboBox<String> loss = combo(SetupField.LOSS, FXCollections.observableArrayList(Choices.LOSSES));
        loss.valueProperty().bindBidirectional(vm.loss);
        Choices.words(loss, Choices::lossName, null);
        form.field(SetupField.LOSS, loss, "cross-entropy: the usual loss; focal loss: BAR's loss, which weights hard"
                + " examples more (often paired with the bar mapping)", vm.problem(SetupField.LOSS));
        ComboBox<String> trainer = combo(SetupField.TRAINER, FXCollections.observableArrayList(Choices.TRAINERS));
        trainer.valueProperty().bindBidirectional(vm.trainer);
        Choices.words(trainer, Choices::trainerName, null);
        form.field(SetupField.TRAINER, trainer, "white-box: gradients through the frozen model; black-box:"
                + " zeroth-order, the model is only queried", vm.problem(SetupField.TRAINER));
        TextField q = Form.text(SetupField.QUERY_DIRECTIONS, vm.queryDirections);
        usedWhen(q, vm.blackBoxUsed);
        form.field(SetupField.QUERY_DIRECTIONS, q, "Black-box only: random directions per step (q + 1 queries per"
                + " image)", vm.problem(SetupField.QUERY_DIRECTIONS));
        TextField beta = Form.text(SetupField.SMOOTHING, vm.smoothing);
        usedWhen(beta, vm.blackBoxUsed);
        form.field(SetupField.SMOOTHING, beta, "Black-box only: step of the finite differences",
                vm.problem(SetupField.SMOOTHING));
    }

    private static void program(Form form, SetupViewModel vm) {
        ComboBox<ProgramType> program = combo(SetupField.PROGRAM, FXCollections.observableArrayList(ProgramTypes.all()));
        program.valueProperty().bindBidirectional(vm.program);
        Choices.words(program, Choices::name, Choices::describe);
        form.field(SetupField.PROGRAM, program, null, vm.problem(SetupField.PROGRAM));
        form.caption("programInfo", Bindings.createStringBinding(() -> Choices.describe(vm.program.get()), vm.program));
        ComboBox<FrameActivation> frame = combo(SetupField.FRAME,
                FXCollections.observableArrayList(FrameActivation.values()));
        frame.valueProperty().bindBidirectional(vm.frame);
        Choices.words(frame, Choices::name, null);
        usedWhen(frame, vm.frameUsed);
        form.field(SetupField.FRAME, frame, "pad and scale only. tanh: frame values −1 … +1 added to the black"
                + " padding (Elsayed et al.); sigmoid: values 0 … 1, a valid image from the start (ILM-VP, AutoVP)",
                vm.problem(SetupField.FRAME));
        TextField inner = Form.text(SetupField.INNER_SIZE, vm.innerSize);
        usedWhen(inner, vm.innerSizeUsed);
        form.field(SetupField.INNER_SIZE, inner, "pad and scale only: side of the target image inside the"
                + " source model's canvas (0 = half the canvas); the rest is the learned frame",
                vm.problem(SetupField.INNER_SIZE));
        TextField scale = Form.text(SetupField.INIT_SCALE, vm.initScale);
        usedWhen(scale, vm.initScaleUsed);
        form.field(SetupField.INIT_SCALE, scale, "scale only: the learned scale starts here (0.1 … 5; AutoVP tries"
                + " 0.5, 1 and 1.5). The image spans about inner size × s pixels", vm.problem(SetupField.INIT_SCALE));
    }

    private static void mapping(Form form, SetupViewModel vm) {
        ComboBox<MappingType> mapping = combo(SetupField.MAPPING, FXCollections.observableArrayList(MappingTypes.all()));
        mapping.valueProperty().bindBidirectional(vm.mapping);
        Choices.words(mapping, Choices::name, Choices::describe);
        form.field(SetupField.MAPPING, mapping, null, vm.problem(SetupField.MAPPING));
        form.caption("mappingInfo", Bindings.createStringBinding(() -> Choices.describe(vm.mapping.get()), vm.mapping));
        form.caption("classCounts", vm.classCounts).setTooltip(new Tooltip(Choices.CLASS_COUNTS));
        TextField spc = Form.text(SetupField.SOURCES_PER_CLASS, vm.sourcesPerClass);
        usedWhen(spc, vm.sourcesPerClassUsed);
        form.field(SetupField.SOURCES_PER_CLASS, spc, "random and bar only: source classes whose outputs are averaged"
                + " for each target class", vm.problem(SetupField.SOURCES_PER_CLASS));
    }

    private static <T> ComboBox<T> combo(SetupField field, ObservableList<T> items) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(field.id());
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static void usedWhen(Control c, BooleanBinding used) {
        c.disableProperty().bind(used.not());
    }
}
