package org.reprogram.workbench.core.param;

/**
 * What is wrong with a setting, structured so that each front end words it for its reader: the
 * CLI names the option ("epochs (--epochs) must be at least 1"), the setup form puts the text
 * beside the field with the field's label ("Epochs must be at least 1"). No front end ever parses
 * the text to find the field: {@link #parameterId()} says which one it is.
 *
 * @param parameterId the setting's id ("optimization.epochs"); null for a problem of the run as a whole
 * @param message the problem, with {@code {}} where the setting's name goes ("{} must be at least 1");
 *     a message without {@code {}} is a whole sentence
 * @param fix what to do, or null when the message says it
 */
public record Problem(String parameterId, String message, String fix) {

    /** The placeholder for the setting's name in {@link #message()}. */
    public static final String SUBJECT = "{}";

    /** A problem of PARAMETER. */
    public static Problem of(Parameter<?> parameter, String message, String fix) {
        return new Problem(parameter.id(), message, fix);
    }

    /** A problem of the run as a whole. */
    public static Problem general(String message, String fix) {
        return new Problem(null, message, fix);
    }

    /** The message with SUBJECT as the setting's name, and the fix after it ("… Fix: …"). */
    public String text(String subject) {
        return text(subject, subject);
    }

    /**
     * The message with SUBJECT as the setting's name, and the fix after it with REFERENCE where it
     * names a setting ("choose {} linear": "--mapping" on the command line; "" in the form, whose field
     * stands beside the message).
     */
    public String text(String subject, String reference) {
        String m = fill(message, subject == null ? "the setting" : subject);
        if (fix == null || fix.isBlank()) {
            return m;
        }
        String f = reference == null || reference.isEmpty() ? fill(fix.replace(SUBJECT + " ", ""), "")
                : fill(fix, reference);
        return m + ". Fix: " + f;
    }

    /** The message with SUBJECT, without the fix (the form shows the fix in the field's hint). */
    public String messageOnly(String subject) {
        return fill(message, subject == null ? "the setting" : subject);
    }

    /**
     * A literal "{}" in a message or fix (a prompt template's slot), kept as "{}" where {@link #SUBJECT}
     * is replaced by the setting's name.
     */
    public static final String LITERAL_BRACES = "{{}}";

    /** TEXT (a message or fix) with SUBJECT for {@link #SUBJECT}, and a literal {@link #LITERAL_BRACES} as "{}". */
    public static String fill(String text, String subject) {
        return text.replace(LITERAL_BRACES, "\u0000").replace(SUBJECT, subject).replace("\u0000", "{}");
    }
}
