package org.reprogram.workbench.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Where windows open: the main window fits the screen's visual bounds (the screen less its task
 * bars); every secondary window and dialog has an owner and opens centred on it (never at the
 * screen's corner, and a window manager keeps it with its owner instead of rearranging the owner).
 */
public final class Windows {

    private Windows() {}

    /** PREF_W x PREF_H shrunk to fit VISUAL, centred in it. */
    public static Rectangle2D fit(Rectangle2D visual, double prefW, double prefH) {
        double w = Math.min(prefW, visual.getWidth());
        double h = Math.min(prefH, visual.getHeight());
        return new Rectangle2D(visual.getMinX() + (visual.getWidth() - w) / 2,
                visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
    }

    /** The visual bounds of the screen that shows most of WINDOW (the primary screen without one). */
    public static Rectangle2D visualBounds(Window window) {
        if (window != null && window.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                    window.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }

    /**
     * Gives STAGE (not yet shown) OWNER, the size W x H (at most the owner's screen) and a place
     * centred on OWNER, kept on that screen.
     */
    public static void openOver(Stage stage, Window owner, double w, double h) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        Rectangle2D screen = visualBounds(owner);
        double width = Math.min(w, screen.getWidth());
        double height = Math.min(h, screen.getHeight());
        stage.setWidth(width);
        stage.setHeight(height);
        double cx = owner == null ? screen.getMinX() + screen.getWidth() / 2 : owner.getX() + owner.getWidth() / 2;
        double cy = owner == null ? screen.getMinY() + screen.getHeight() / 2 : owner.getY() + owner.getHeight() / 2;
        stage.setX(clamp(cx - width / 2, screen.getMinX(), screen.getMaxX() - width));
        stage.setY(clamp(cy - height / 2, screen.getMinY(), screen.getMaxY() - height));
    }

    /** DIALOG belongs to OWNER: modal to it and opened centred on it. */
    public static <T extends Dialog<?>> T ownedBy(T dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        return dialog;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }
}
