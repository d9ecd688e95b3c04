package org.reprogram.workbench.core.train;

import com.google.gson.annotations.SerializedName;

/**
 * How a run ended, as result.json writes it (the lowercase id; old files read back through the
 * same names). A run folder without result.json has a folder state instead ("running",
 * "incomplete", "unreadable": {@link org.reprogram.workbench.core.run.RunRecord#status()}).
 */
public enum RunStatus {
    /** Every epoch trained and the test split evaluated. */
    @SerializedName("completed") COMPLETED("completed"),
    /** The user stopped after an epoch; the test split was evaluated with that state. */
    @SerializedName("stopped") STOPPED("stopped"),
    /** The user cancelled during an epoch; no test evaluation. */
    @SerializedName("cancelled") CANCELLED("cancelled"),
    /** Training could not go on (NaN loss, out of memory, unwritable files, ...); the message says why. */
    @SerializedName("failed") FAILED("failed"),
    /** A signal (or the closing window) stopped it during an epoch; resumable from its checkpoint. */
    @SerializedName("interrupted") INTERRUPTED("interrupted");

    private final String id;

    RunStatus(String id) {
        this.id = id;
    }

    /** The word of result.json, the CLI and the runs table. */
    public String id() {
        return id;
    }

    /** True when the run produced a test accuracy worth comparing (completed, or stopped after an epoch). */
    public boolean finished() {
        return this == COMPLETED || this == STOPPED;
    }

    @Override
    public String toString() {
        return id;
    }
}
