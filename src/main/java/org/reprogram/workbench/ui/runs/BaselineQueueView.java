package org.reprogram.workbench.ui.runs;

import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.reprogram.workbench.ui.common.ResultTexts;

/**
 * The "Run baselines" bar of the Runs tab: the button and Cancel (always at their full size), then
 * the queue's states and the status, each wrapping over as many lines as it needs (a skipped
 * baseline's reason is long). Binds only.
 */
public final class BaselineQueueView extends VBox {

    public BaselineQueueView(BaselineQueueViewModel vm, BooleanBinding canRun, Runnable runAll) {
        super(4);
        Button run = new Button("Run baselines for the current setup");
        run.setId("runBaselines");
        run.setTooltip(new Tooltip("Linear probe, fine-tuning and training from scratch on the same source model,"
                + " target, splits, seed and epochs as the setup in the Train tab (the linear probe trains until its"
                + " training loss stops falling), one after another in the background. A baseline that cannot run"
                + " on this model is skipped with the reason. Each lands in the runs list; select them with a"
                + " reprogramming run to compare them."));
        run.disableProperty().bind(canRun.not());
        run.setOnAction(e -> runAll.run());
        Button cancel = new Button("Cancel baselines");
        cancel.setId("cancelBaselines");
        cancel.disableProperty().bind(vm.running.not());
        cancel.setOnAction(e -> vm.cancel());
        for (Button b : new Button[] {run, cancel}) {
            b.setMinWidth(Region.USE_PREF_SIZE); // never squeezed to "…" by a long message
        }
        HBox buttons = new HBox(8, run, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label queue = wrapping(new Label());
        queue.setId("baselineQueue");
        vm.items.addListener((ListChangeListener<BaselineQueueViewModel.Item>) c -> queue.setText(text(vm)));
        Label status = wrapping(new Label());
        status.setId("baselineStatus");
        status.textProperty().bind(vm.status);
        status.getStyleClass().add("status");
        getChildren().addAll(buttons, queue, status);
    }

    /** L wraps to the bar's width and takes no room while empty. */
    private static Label wrapping(Label l) {
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.managedProperty());
        return l;
    }

    private static String text(BaselineQueueViewModel vm) {
        StringBuilder sb = new StringBuilder();
        for (BaselineQueueViewModel.Item i : vm.items) {
            sb.append(sb.length() == 0 ? "" : "  ·  ").append(ResultTexts.method(i.kind())).append(": ").append(i.state());
        }
        return sb.toString();
    }
}
