package org.reprogram.workbench.ui.training;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * The label mapping of a run on a vision-language source as text: each target class beside the
 * prompt(s) it is read through at the shown step ({@link PromptRows}), wrapped within the panel's
 * width, every prompt in the row's tooltip. Empty (and taking no room) for a classifier's run.
 */
public final class PromptMappingView extends GridPane {

    /** The width a prompt wraps at: "This is a photo of a t-shirt. (template 1 of 81)" in two lines. */
    static final double PROMPT_WIDTH = 240;

    public PromptMappingView() {
        setId("promptMapping");
        setHgap(8);
        setVgap(3);
        ColumnConstraints target = new ColumnConstraints();
        target.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints prompts = new ColumnConstraints();
        prompts.setHgrow(Priority.ALWAYS);
        prompts.setMinWidth(120);
        getColumnConstraints().addAll(target, prompts);
        setVisible(false);
        managedProperty().bind(visibleProperty());
    }

    /** Shows S's mapping of the run INFO in words (nothing unless its source classes are prompts). */
    public void show(TrainingSnapshot s, RunInfo info) {
        List<PromptRows.Row> rows = PromptRows.isPromptRun(info) ? PromptRows.of(s, info) : List.of();
        setVisible(!rows.isEmpty());
        if (getChildren().size() != 2 * rows.size()) {
            getChildren().clear();
            for (int r = 0; r < rows.size(); r++) {
                Label target = new Label();
                target.getStyleClass().add("prompt-target");
                Label text = new Label();
                text.setId("prompt" + r);
                text.getStyleClass().add("prompt-text");
                text.setWrapText(true);
                text.setMinWidth(0);
                text.setPrefWidth(PROMPT_WIDTH); // wraps there, narrower when the window is
                text.setMaxWidth(Double.MAX_VALUE);
                Tooltip tip = new Tooltip();
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                tip.setShowDelay(Duration.millis(200));
                text.setTooltip(tip);
                addRow(r, target, text);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            Label target = (Label) getChildren().get(2 * r);
            Label text = (Label) getChildren().get(2 * r + 1);
            target.setText(rows.get(r).target() + " ←");
            text.setText(rows.get(r).text());
            text.getTooltip().setText(rows.get(r).tip());
        }
    }

    /** The prompt text shown beside target class R (for tests). */
    String promptOf(int r) {
        return ((Label) getChildren().get(2 * r + 1)).getText();
    }
}
