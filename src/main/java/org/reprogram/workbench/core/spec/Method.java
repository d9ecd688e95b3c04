package org.reprogram.workbench.core.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a run trains: a program and label mapping around the frozen model (reprogramming), or one of
 * the baselines it is compared against on the same source, target, splits and seed (README,
 * "Baselines and comparison"). One run specification serves all of them; a baseline is a method,
 * not a second kind of configuration.
 */
public enum Method {
    /** An input program and a label mapping around the frozen source model. */
    REPROGRAM("reprogram", "input program and label mapping around the frozen source model"),
    /** A new linear head on the frozen penultimate features. */
    LINEAR_PROBE("linear-probe", "new linear head on the frozen penultimate features"),
    /** Every weight trainable plus a new head on the penultimate features. */
    FINETUNE("finetune", "all weights trainable plus a new head on the penultimate features"),
    /** The same architecture with fresh random weights, trained like fine-tuning. */
    SCRATCH("scratch", "same architecture, fresh random (Kaiming) weights, trained like fine-tuning");

    private final String id;
    private final String description;

    Method(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id on the command line, in config.json and as the result's method. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean isBaseline() {
        return this != REPROGRAM;
    }

    /** The baselines' ids, comma separated ("linear-probe, finetune, scratch"). */
    public static String baselineIds() {
        return Arrays.stream(values()).filter(Method::isBaseline).map(Method::id).collect(Collectors.joining(", "));
    }

    /** The method with id (or enum name) S; an {@link IllegalArgumentException} listing the ids otherwise. */
    public static Method parse(String s) {
        if (s != null) {
            String t = s.trim();
            for (Method m : values()) {
                if (m.id.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t.replace('-', '_'))) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown method '" + s + "' (use reprogram, " + baselineIds() + ")");
    }

    /** The baseline with id S; an {@link IllegalArgumentException} listing the baselines otherwise. */
    public static Method parseBaseline(String s) {
        Method m;
        try {
            m = parse(s);
        } catch (IllegalArgumentException e) {
            m = REPROGRAM;
        }
        if (!m.isBaseline()) {
            throw new IllegalArgumentException("unknown baseline '" + s + "' (use " + baselineIds() + ")");
        }
        return m;
    }

    /** The method whose id is ID, or null. */
    public static Method fromId(String id) {
        for (Method m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
