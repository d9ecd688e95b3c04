package org.reprogram.workbench.ui.runs;

import org.reprogram.workbench.core.run.RunParameter;

/** Compare-table titles that cannot be confused: the planned epochs (a setting) and the epochs done. */
final class CompareTitles {

    /** The finished epochs' column; the planned epochs, when they differ, are a setting column. */
    static final String EPOCHS_DONE = "Epochs done";

    private CompareTitles() {}

    /** A differing setting's column title ("epochs" is the planned count: said so beside "Epochs done"). */
    static String setting(RunParameter p) {
        return p == RunParameter.EPOCHS ? "epochs planned" : p.title();
    }
}
