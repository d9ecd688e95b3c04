package org.reprogram.workbench.ui.runs;

import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.reprogram.workbench.ui.common.ResultTexts;

/**
 * The "Run baselines" bar of the Runs tab: the button, Cancel, the queue's states and a status
 * line. Binds only.
 */
public final class BaselineQueueView extends HBox {

    public BaselineQueueView(BaselineQueueViewModel vm, BooleanBinding canRun, Runnable runAll) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        Button run = new Button("Run baselines for the current setup");
        run.setId("runBaselines");
        run.setTooltip(new Tooltip("Linear probe, fine-tuning and training from scratch on the same source model,"
                + " target, splits, seed and epochs as the setup in the Train tab, one after another in the"
                + " background. Each lands in the runs list; select them with a reprogramming run to compare them."));
        run.disableProperty().bind(canRun.not());
        run.setOnAction(e -> runAll.run());
        Button cancel = new Button("Cancel baselines");
        cancel.setId("cancelBaselines");
        cancel.disableProperty().bind(vm.running.not());
        cancel.setOnAction(e -> vm.cancel());
        Label queue = new Label();
        queue.setId("baselineQueue");
        vm.items.addListener((ListChangeListener<BaselineQueueViewModel.Item>) c -> queue.setText(text(vm)));
        Label status = new Label();
        status.setId("baselineStatus");
        status.textProperty().bind(vm.status);
        status.getStyleClass().add("status");
        getChildren().addAll(run, cancel, queue, status);
    }

    private static String text(BaselineQueueViewModel vm) {
        StringBuilder sb = new StringBuilder();
        for (BaselineQueueViewModel.Item i : vm.items) {
            sb.append(sb.length() == 0 ? "" : "  ·  ").append(ResultTexts.method(i.kind())).append(": ").append(i.state());
        }
        return sb.toString();
    }
}
