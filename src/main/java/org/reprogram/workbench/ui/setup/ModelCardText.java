package org.reprogram.workbench.ui.setup;

import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.model.ModelCard;

/**
 * A model card in the setup's words: name, input, classes and description, without the command
 * line that trained it (built-in cards end with "Reproduce: java -jar …"); that command is offered
 * apart, behind a "Reproduce…" link.
 */
public final class ModelCardText {

    static final String REPRODUCE = "Reproduce: ";

    private ModelCardText() {}

    /** What the card says instead of a class list for a vision-language source. */
    static final String VISION_LANGUAGE = "vision-language model: classes are made of text";

    static String summary(ModelCard c) {
        if (c == null) {
            return "";
        }
        if (c.isVisionLanguage()) {
            return String.format(Locale.ROOT, "%s · input %d×%d×%d · %s%s%n%s", c.name(), c.channels(), c.height(),
                    c.width(), VISION_LANGUAGE, c.testAccuracy() == null ? "" : String.format(Locale.ROOT,
                            " · zero-shot test accuracy %.1f %% on its own data", 100 * c.testAccuracy()),
                    description(c));
        }
        List<String> names = c.classNames();
        String classes = names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + ", … (" + names.size() + ")";
        return String.format(Locale.ROOT, "%s · input %d×%d×%d · %d classes%s%n%s%n%s", c.name(), c.channels(),
                c.height(), c.width(), c.numClasses(), c.testAccuracy() == null ? ""
                        : String.format(Locale.ROOT, " · source test accuracy %.1f %%", 100 * c.testAccuracy()),
                classes, description(c));
    }

    /** The description up to its "Reproduce:" command. */
    static String description(ModelCard c) {
        String d = c.description() == null ? "" : c.description();
        int cut = d.indexOf(REPRODUCE);
        return cut < 0 ? d : d.substring(0, cut).trim();
    }

    /** The command line that trained the model, or "" when the card names none. */
    static String reproduceCommand(ModelCard c) {
        String d = c == null || c.description() == null ? "" : c.description();
        int cut = d.indexOf(REPRODUCE);
        return cut < 0 ? "" : d.substring(cut + REPRODUCE.length()).trim();
    }
}
