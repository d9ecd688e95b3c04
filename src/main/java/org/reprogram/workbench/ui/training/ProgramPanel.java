package org.reprogram.workbench.ui.training;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.FxImages;
import org.reprogram.workbench.ui.common.PixelImageView;

/**
 * The learned program: the image (crisp pixels, as large as the panel allows), its colour legend,
 * the step slider that moves program, mapping and confusion matrix together, the caption and
 * "Back to live".
 */
final class ProgramPanel extends VBox {

    /** The program's side in the normal layout. */
    static final double NORMAL_SIDE = 224;
    private final TrainingViewModel vm;
    private final PixelImageView program = new PixelImageView();
    private final Slider slider = new Slider(0, 0, 0);
    private boolean syncing;

    ProgramPanel(TrainingViewModel vm) {
        super(6);
        this.vm = vm;
        program.imageView().setId("programImage");
        program.preferredSideProperty().set(NORMAL_SIDE);
        VBox.setVgrow(program, Priority.ALWAYS);
        slider.setId("stepSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setBlockIncrement(1);
        slider.setTooltip(new Tooltip("Step through the recorded epochs: program, mapping and confusion matrix move"
                + " together. At the right end the view follows the newest state."));
        slider.disableProperty().bind(Bindings.size(vm.history.epochs()).lessThan(2));
        vm.history.epochs().addListener((javafx.beans.InvalidationListener) o -> syncSlider());
        vm.history.selectedProperty().addListener(o -> syncSlider());
        slider.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                vm.history.select((int) Math.round(v.doubleValue()));
            }
        });
        Label caption = new Label();
        caption.setId("programCaption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.textProperty().bind(vm.programCaption);
        Button backToLive = new Button("Back to live");
        backToLive.setId("backToLive");
        backToLive.setTooltip(new Tooltip("The views show an earlier epoch while training goes on; follow the newest"
                + " state again"));
        backToLive.visibleProperty().bind(vm.running.and(vm.history.followLatestProperty().not()));
        backToLive.managedProperty().bind(backToLive.visibleProperty());
        // the button hides once clicked: focus must not pass on to the next control (the epoch table far
        // below), which would scroll the view away from program, mapping and confusion matrix
        backToLive.setFocusTraversable(false);
        backToLive.setOnAction(e -> {
            slider.requestFocus();
            vm.backToLive();
        });
        Label title = new Label("Learned program");
        title.getStyleClass().add("panel-title");
        ProgramLegendView legend = new ProgramLegendView(vm.programLegend);
        getChildren().addAll(title, program, legend, slider, caption, backToLive);
        getStyleClass().add("panel");
        setMinWidth(PixelImageView.MIN_SIDE + 24);
        // the texts under the picture are as wide as the picture, never wider
        legend.prefWidthProperty().bind(program.preferredSideProperty());
        legend.maxWidthProperty().bind(program.preferredSideProperty());
        caption.maxWidthProperty().bind(program.preferredSideProperty());
        caption.prefWidthProperty().bind(program.preferredSideProperty());
        setMaxWidth(USE_PREF_SIZE);
        vm.history.shown().addListener((o, a, s) -> show(s));
    }

    /** The picture (for the layout: presentation mode enlarges it). */
    PixelImageView picture() {
        return program;
    }

    private void syncSlider() {
        syncing = true;
        slider.setMax(Math.max(0, vm.history.epochs().size() - 1));
        slider.setValue(Math.max(0, vm.history.selectedProperty().get()));
        syncing = false;
    }

    private void show(TrainingSnapshot s) {
        program.setImage(s == null ? null : FxImages.of(s.perturbation(), s.channels(), s.height(), s.width(),
                SnapshotTexts.signed(s), 1));
    }
}
