package org.reprogram.workbench.ui.training;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Above the live views: LEADING (the setup toggle), pause/stop/cancel, progress, device, TRAILING
 * (Try it), presentation mode; status; banner.
 */
final class TrainingToolbar extends VBox {

    static final String PRESENTATION_TIP = "Presentation mode (F5; Esc leaves it): hides the setup and the secondary"
            + " panels and shows the learned program, the samples and the accuracy large, for a projector";

    TrainingToolbar(TrainingViewModel vm, Node trailing, Node... leading) {
        super(6);
        Button pause = button("pause", "Pause", "Pause: training waits between steps; nothing is lost. Resume continues"
                + " exactly where it stopped.");
        pause.textProperty().bind(Bindings.when(vm.paused).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(vm.running.not());
        pause.setOnAction(e -> vm.pauseResume());
        Button stop = button("stop", "Stop", "Stop: finish the current epoch, evaluate on the test split and save"
                + " the run as 'stopped' (results are kept).");
        stop.disableProperty().bind(vm.running.not().or(vm.stopRequested));
        stop.setOnAction(e -> vm.stop());
        Button cancel = button("cancel", "Cancel", "Cancel: abort at the next step, no test evaluation; the run folder"
                + " keeps what was recorded, marked 'cancelled'.");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(vm.running.not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.progressProperty().bind(vm.progress);
        bar.setPrefWidth(160);
        Label progress = label("progress", vm.progressText);
        Label device = label("device", vm.deviceText);
        device.getStyleClass().add("chip");
        device.visibleProperty().bind(vm.deviceText.isNotEmpty());
        device.setTooltip(new Tooltip("The device PyTorch trains on and its thread count. On the CPU the window trains"
                + " with one core fewer than the machine has, so that drawing never stalls training"
                + " (-Dreprogram.threads=N sets the count)."));
        ToggleButton present = new ToggleButton("Presentation");
        present.setId("presentation");
        present.setTooltip(new Tooltip(PRESENTATION_TIP));
        present.selectedProperty().bindBidirectional(vm.presentation);
        HBox row = new HBox(8);
        row.getChildren().addAll(leading);
        row.getChildren().addAll(pause, stop, cancel, device, trailing, present);
        // the progress line has a row of its own: beside the buttons it was cut off at 1280 px
        HBox progressRow = new HBox(8, bar, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.setId("progressRow");
        row.setAlignment(Pos.CENTER_LEFT);
        for (Node n : row.getChildren()) { // the controls never truncate; the progress text gives way
            if (n instanceof Region r && n != progress && n != bar) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        bar.setMinWidth(60);
        progress.setMinWidth(0);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        Label status = label("status", vm.status);
        status.getStyleClass().add("status");
        // a replay's summary is longer than the row beside the setup at 1280 px: wrap, never "…"
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Label headline = label("headline", vm.headline);
        headline.getStyleClass().add("headline");
        headline.visibleProperty().bind(vm.presentation.and(vm.headline.isNotEmpty()));
        headline.managedProperty().bind(headline.visibleProperty());
        getChildren().addAll(row, progressRow, status, story(vm), headline, banner(vm));
    }

    /** Presentation mode's large editable line: what is happening, for the back of the room. */
    private static Node story(TrainingViewModel vm) {
        javafx.scene.control.TextField story = new javafx.scene.control.TextField();
        story.setId("story");
        story.getStyleClass().add("story");
        story.setPromptText("Say what is happening, e.g. a clothing classifier learns to read digits");
        story.setTooltip(new Tooltip("Type your own line; it stays for the next runs (clear it to get the run's own)"));
        story.textProperty().bindBidirectional(vm.story.text());
        story.visibleProperty().bind(vm.presentation);
        story.managedProperty().bind(story.visibleProperty());
        story.setMaxWidth(Double.MAX_VALUE);
        return story;
    }

    private static Node banner(TrainingViewModel vm) {
        Label banner = label("banner", vm.banner);
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(vm.bannerShown);
        banner.managedProperty().bind(banner.visibleProperty());
        vm.bannerLevel.addListener((o, a, l) -> {
            banner.getStyleClass().removeAll("banner-info", "banner-warning", "banner-error");
            banner.getStyleClass().add("banner-" + l.name().toLowerCase(Locale.ROOT));
        });
        banner.getStyleClass().add("banner");
        return banner;
    }

    static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    static Label label(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }
}
