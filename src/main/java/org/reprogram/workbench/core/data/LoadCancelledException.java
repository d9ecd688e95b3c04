package org.reprogram.workbench.core.data;

import java.util.concurrent.CancellationException;

/** Loading a dataset stopped because its thread was interrupted (the user cancelled). */
public final class LoadCancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public LoadCancelledException(String what) {
        super("cancelled while reading " + what);
    }

    /** Throws when the current thread was interrupted; loaders call it between images. */
    public static void check(Object what) {
        if (Thread.currentThread().isInterrupted()) {
            throw new LoadCancelledException(String.valueOf(what));
        }
    }
}
