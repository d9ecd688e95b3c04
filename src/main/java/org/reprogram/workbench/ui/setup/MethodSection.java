package org.reprogram.workbench.ui.setup;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;

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
        ComboBox<String> loss = combo("loss", FXCollections.observableArrayList(Choices.LOSSES));
        loss.valueProperty().bindBidirectional(vm.loss);
        Choices.words(loss, Choices::lossName, null);
        form.field("Loss", loss, "cross-entropy: the usual loss; focal loss: BAR's loss, which weights hard"
                + " examples more (often paired with the bar mapping)");
        ComboBox<String> trainer = combo("trainer", FXCollections.observableArrayList(Choices.TRAINERS));
        trainer.valueProperty().bindBidirectional(vm.trainer);
        Choices.words(trainer, Choices::trainerName, null);
        form.field("Trainer", trainer, "white-box: gradients through the frozen model; black-box: zeroth-order,"
                + " the model is only queried");
        TextField q = Form.text("queryDirections", vm.queryDirections);
        usedWhen(q, vm.blackBoxUsed);
        form.field("Query directions", q, "Black-box only: random directions per step (q + 1 queries per image)");
        TextField beta = Form.text("smoothing", vm.smoothing);
        usedWhen(beta, vm.blackBoxUsed);
        form.field("Smoothing β", beta, "Black-box only: step of the finite differences");
    }

    private static void program(Form form, SetupViewModel vm) {
        ComboBox<ProgramKind> program = combo("program", FXCollections.observableArrayList(ProgramKind.values()));
        program.valueProperty().bindBidirectional(vm.program);
        Choices.words(program, Choices::name, Choices::describe);
        form.field("Program", program, null);
        form.caption("programInfo", Bindings.createStringBinding(() -> Choices.describe(vm.program.get()), vm.program));
        ComboBox<FrameActivation> frame = combo("frame", FXCollections.observableArrayList(FrameActivation.values()));
        frame.valueProperty().bindBidirectional(vm.frame);
        Choices.words(frame, Choices::name, null);
        usedWhen(frame, vm.frameUsed);
        form.field("Frame activation", frame, "pad and scale only. tanh: frame values −1 … +1 added to the black"
                + " padding (Elsayed et al.); sigmoid: values 0 … 1, a valid image from the start (ILM-VP, AutoVP)");
        TextField inner = Form.text("innerSize", vm.innerSize);
        usedWhen(inner, vm.innerSizeUsed);
        form.field("Inner size (px)", inner, "pad and scale only: side of the target image inside the"
                + " source model's canvas (0 = half the canvas); the rest is the learned frame");
        TextField scale = Form.text("initScale", vm.initScale);
        usedWhen(scale, vm.initScaleUsed);
        form.field("Initial scale s", scale, "scale only: the learned scale starts here (0.1 … 5; AutoVP tries 0.5,"
                + " 1 and 1.5). The image spans about inner size × s pixels");
    }

    private static void mapping(Form form, SetupViewModel vm) {
        ComboBox<MappingKind> mapping = combo("mapping", FXCollections.observableArrayList(MappingKind.values()));
        mapping.valueProperty().bindBidirectional(vm.mapping);
        Choices.words(mapping, Choices::name, Choices::describe);
        form.field("Label mapping", mapping, null);
        form.caption("mappingInfo", Bindings.createStringBinding(() -> Choices.describe(vm.mapping.get()), vm.mapping));
        TextField spc = Form.text("sourcesPerClass", vm.sourcesPerClass);
        usedWhen(spc, vm.sourcesPerClassUsed);
        form.field("Sources per class", spc, "random and bar only: source classes whose outputs are averaged for"
                + " each target class");
    }

    private static <T> ComboBox<T> combo(String id, ObservableList<T> items) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static void usedWhen(Control c, BooleanBinding used) {
        c.disableProperty().bind(used.not());
    }
}
