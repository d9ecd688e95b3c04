package org.reprogram.workbench.ui.tryit;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.reprogram.workbench.ui.common.Windows;

/** The "Try it" window of one run: opens its classifier and frees it when closed. */
public final class TryItWindow {

    static final double WIDTH = 760;
    static final double HEIGHT = 640;

    private TryItWindow() {}

    /**
     * Shows VM in a new window owned by OWNER, centred on it at {@link #WIDTH} x {@link #HEIGHT}
     * (never smaller than its buttons need), and starts loading; closing the window closes VM.
     */
    public static Stage show(Window owner, TryItViewModel vm) {
        Stage stage = new Stage();
        stage.setTitle("Try it · " + vm.title.get());
        Scene scene = new Scene(new TryItView(vm), WIDTH, HEIGHT);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setMinWidth(560);
        stage.setMinHeight(360);
        Windows.openOver(stage, owner, WIDTH, HEIGHT);
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.load();
        return stage;
    }
}
