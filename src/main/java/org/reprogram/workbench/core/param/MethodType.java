package org.reprogram.workbench.core.param;

import java.util.List;

/**
 * What every registered method part (an input program, a label mapping) says about itself: its id,
 * its words for the help and the form, and its own settings.
 */
public interface MethodType {

    /** The id on the command line, in config.json and in results ("pad", "ilm"). */
    String id();

    /** The short name in the form's list ("pad – frame"). */
    String label();

    /** One line for the CLI help and tooltips, with the paper it follows. */
    String description();

    /** What it does or needs, for the form ("The target is shrunk to the inner size; …"). */
    String details();

    /** Its own settings (declared once); they apply only to the types that list them. */
    default List<Parameter<?>> parameters() {
        return List.of();
    }
}
