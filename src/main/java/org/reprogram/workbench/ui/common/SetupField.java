package org.reprogram.workbench.ui.common;

import java.util.Locale;

/**
 * The setup form's fields, in form order: the id of the control, the label the user reads and the
 * command-line option that sets the same value. Messages about a field use its label, so what the
 * user reads in a problem is what stands beside the field; engine texts that name an option are
 * rewritten with it ({@link Fields#words}).
 */
public enum SetupField {
    SOURCE("source", "Source model", "--source"),
    TARGET("target", "Target dataset", "--target"),
    PROGRAM("program", "Program", "--program"),
    FRAME("frame", "Frame activation", "--frame"),
    INNER_SIZE("innerSize", "Inner size (px)", "--inner-size"),
    INIT_SCALE("initScale", "Initial scale s", "--init-scale"),
    MAPPING("mapping", "Label mapping", "--mapping"),
    SOURCES_PER_CLASS("sourcesPerClass", "Sources per class", "--sources-per-class"),
    LOSS("loss", "Loss", "--loss"),
    TRAINER("trainer", "Trainer", "--trainer"),
    QUERY_DIRECTIONS("queryDirections", "Query directions", "--queries"),
    SMOOTHING("smoothing", "Smoothing β", "--smoothing"),
    EPOCHS("epochs", "Epochs", "--epochs"),
    BATCH_SIZE("batchSize", "Batch size", "--batch-size"),
    LR("lr", "Learning rate", "--lr"),
    SCHEDULE("schedule", "LR schedule", "--schedule"),
    WEIGHT_DECAY("weightDecay", "Weight decay", "--weight-decay"),
    SEED("seed", "Seed", "--seed"),
    SHOTS("shots", "Shots per class", "--shots"),
    VAL_FRACTION("valFraction", "Validation share", "--val-fraction"),
    DEVICE("device", "Device", "--device");

    private final String id;
    private final String label;
    private final String option;

    SetupField(String id, String label, String option) {
        this.id = id;
        this.label = label;
        this.option = option;
    }

    /** The id of the field's control ("valFraction"). */
    public String id() {
        return id;
    }

    /** The label beside the field ("Inner size (px)"). */
    public String label() {
        return label;
    }

    /** The label as the subject of a sentence, without its unit ("Inner size"). */
    public String subject() {
        return label.replaceAll(" \\([^)]*\\)$", "");
    }

    /** The label inside a sentence ("validation share"; "LR schedule" keeps its capitals). */
    public String inSentence() {
        String s = subject();
        return s.length() > 1 && Character.isLowerCase(s.charAt(1)) ? s.substring(0, 1).toLowerCase(Locale.ROOT)
                + s.substring(1) : s;
    }

    /**
     * The field of the registry setting with id ID ("optimization.lr"): the field whose control id is
     * the setting's key; a problem of the run as a whole (null id) or of a setting the form does not
     * show goes to the target field's neighbour, the attention line (null).
     */
    public static SetupField of(String id) {
        org.reprogram.workbench.core.spec.Setting<?> s = id == null ? null
                : org.reprogram.workbench.core.spec.ParameterRegistry.find(id);
        for (SetupField f : values()) {
            if (s != null && f.id.equals(s.parameter().key())) {
                return f;
            }
        }
        return null;
    }

    /** The field set by the command-line OPTION ("--val-fraction"), or null. */
    public static SetupField ofOption(String option) {
        for (SetupField f : values()) {
            if (f.option.equals(option)) {
                return f;
            }
        }
        return null;
    }
}
