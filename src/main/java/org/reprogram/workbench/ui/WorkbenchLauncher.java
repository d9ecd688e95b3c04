package org.reprogram.workbench.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench (the jar's main class must not extend Application). */
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {}

    public static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
