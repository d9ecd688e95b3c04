package org.reprogram.workbench.core.param;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One setting of a run, declared once: everything the CLI (option and help), the setup form
 * (label, hint, inline message), config.json (id, and the key runs saved before the registry
 * used), the compare table and study specs need to know about it. Values are checked here
 * ({@link #check}), so every front end reports the same problem for the same value.
 *
 * @param <T> the value's Java type
 */
public final class Parameter<T> {

    private final String id;
    private final String key;
    private final String label;
    private final String option;
    private final String unit;
    private final String help;
    private final ValueType<T> type;
    private final T defaultValue;
    private final Function<T, String> extraCheck;
    private final String column;
    private final String zeroReads;
    private final String fix;
    private final String cliSubject;

    private Parameter(Builder<T> b) {
        this.id = Objects.requireNonNull(b.id);
        this.key = b.key == null ? camel(b.id) : b.key;
        this.label = Objects.requireNonNull(b.label, "label of " + b.id);
        this.option = b.option == null ? "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT) : b.option;
        this.unit = b.unit == null ? "" : b.unit;
        this.help = b.help == null ? "" : b.help;
        this.type = Objects.requireNonNull(b.type);
        this.defaultValue = b.defaultValue;
        this.extraCheck = b.extraCheck;
        this.column = b.column == null ? inSentence() : b.column;
        this.zeroReads = b.zeroReads;
        this.fix = b.fix;
        this.cliSubject = b.cliSubject;
    }

    /** The short title of its column in tables ("inner size", "q"). */
    public String column() {
        return column;
    }

    /** VALUE for a table cell: as {@link #format}, except a 0 that means something else ("all", "auto"). */
    public String display(T value) {
        if (zeroReads != null && value instanceof Number n && n.doubleValue() == 0) {
            return zeroReads;
        }
        return format(value);
    }

    /** Stable id, dotted by section ("optimization.lr", "program.inner_size"): config.json and study specs. */
    public String id() {
        return id;
    }

    /**
     * Short camel-case key ("lr", "innerSize"): the field name in config.json files written before
     * the registry (read back through it) and the id of the setup form's control.
     */
    public String key() {
        return key;
    }

    /** The label beside the form field ("Inner size"). */
    public String label() {
        return label;
    }

    /** The CLI option ("--inner-size"). */
    public String option() {
        return option;
    }

    /** The unit ("px"; "" when none). */
    public String unit() {
        return unit;
    }

    /** One or two sentences for the CLI help and the form's hint. */
    public String help() {
        return help;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The one default of this setting (CLI, form, config.json of older runs, study specs). */
    public T defaultValue() {
        return defaultValue;
    }

    /** The name in a CLI message: "inner size (--inner-size)". */
    public String cliSubject() {
        return cliSubject != null ? cliSubject : inSentence() + " (" + option + ")";
    }

    /** The label inside a sentence ("validation share"; "LR schedule" keeps its capitals). */
    public String inSentence() {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1) : label;
    }

    /** VALUE from TEXT, checked; a {@link ProblemException} naming this parameter when it cannot be. */
    public T parse(String text) {
        T value;
        try {
            value = type.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(this, e.getMessage(), fix));
        }
        Problem p = check(value);
        if (p != null) {
            throw new ProblemException(p);
        }
        return value;
    }

    /** VALUE as text. */
    public String format(T value) {
        return value == null ? "" : type.format(value);
    }

    /** Formats VALUE known only as an object of this parameter's type. */
    public String formatObject(Object value) {
        return value == null ? "" : type.format(type.javaType().cast(value));
    }

    /** The problem with VALUE (range, choices, the parameter's own rule), or null. */
    public Problem check(T value) {
        if (value == null) {
            return Problem.of(this, "{} must be given", null);
        }
        String m = type.check(value);
        if (m != null && zeroReads != null && value instanceof Number n && n.doubleValue() < 0) {
            m = "{} must be 0 (" + zeroReads + ") or positive";
        }
        if (m == null && extraCheck != null) {
            m = extraCheck.apply(value);
        }
        return m == null ? null : Problem.of(this, m, fix);
    }

    @Override
    public String toString() {
        return id;
    }

    /** "program.inner_size" -> "innerSize". */
    private static String camel(String id) {
        String last = id.substring(id.lastIndexOf('.') + 1);
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : last.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    public static <T> Builder<T> of(String id, ValueType<T> type) {
        return new Builder<>(id, type);
    }

    /** Declares a parameter: {@code Parameter.of("optimization.lr", ValueType.real(...)).label(...).build()}. */
    public static final class Builder<T> {
        private final String id;
        private final ValueType<T> type;
        private String key;
        private String label;
        private String option;
        private String unit;
        private String help;
        private T defaultValue;
        private Function<T, String> extraCheck;
        private String column;
        private String zeroReads;
        private String fix;
        private String cliSubject;

        private Builder(String id, ValueType<T> type) {
            this.id = id;
            this.type = type;
        }

        /** The legacy config.json key and form control id (default: the id's last part in camel case). */
        public Builder<T> key(String k) {
            this.key = k;
            return this;
        }

        public Builder<T> label(String l) {
            this.label = l;
            return this;
        }

        /** The CLI option (default: "--" and the key in kebab case). */
        public Builder<T> option(String o) {
            this.option = o;
            return this;
        }

        public Builder<T> unit(String u) {
            this.unit = u;
            return this;
        }

        public Builder<T> help(String h) {
            this.help = h;
            return this;
        }

        public Builder<T> defaultValue(T v) {
            this.defaultValue = v;
            return this;
        }

        /** A rule beyond the type's range: returns a message with {@code {}} for the name, or null. */
        public Builder<T> check(Function<T, String> rule) {
            this.extraCheck = rule;
            return this;
        }

        /** The short column title in tables (default: the label in a sentence). */
        public Builder<T> column(String c) {
            this.column = c;
            return this;
        }

        /** What a value of 0 means, shown in tables instead of "0" ("all" shots, "auto" inner size). */
        public Builder<T> zeroReads(String words) {
            this.zeroReads = words;
            return this;
        }

        /** What to do about any problem of a value ("give 1..8, or 0 for all 2 cores"); default: none, the message says it. */
        public Builder<T> fix(String f) {
            this.fix = f;
            return this;
        }

        /**
         * The setting's name in command-line messages (default "label (--option)"): the option alone
         * for messages that quote the value as typed ("--threads 1000 is more than …").
         */
        public Builder<T> cliSubject(String s) {
            this.cliSubject = s;
            return this;
        }

        public Parameter<T> build() {
            return new Parameter<>(this);
        }
    }
}
