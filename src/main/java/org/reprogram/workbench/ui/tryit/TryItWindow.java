package org.reprogram.workbench.ui.tryit;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The "Try it" window of one run: opens its classifier and frees it when closed. */
public final class TryItWindow {

    private TryItWindow() {}

    /** Shows VM in a new window next to OWNER and starts loading; closing the window closes VM. */
    public static Stage show(Window owner, TryItViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Try it · " + vm.title.get());
        Scene scene = new Scene(new TryItView(vm), 720, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.load();
        return stage;
    }
}
