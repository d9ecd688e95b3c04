package org.reprogram.workbench.ui;

/** Placeholder until the GUI lands: opens the JavaFX workbench. */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {}

    public static void launch(String[] args) {
        System.err.println("GUI not built yet");
    }
}
