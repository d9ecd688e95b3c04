package org.reprogram.workbench.core.baseline;

import com.google.gson.annotations.SerializedName;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The baselines reprogramming is compared against, on the same source model, target data, splits
 * and seed (methods.md, "Baselines").
 */
public enum BaselineKind {
    /** A new linear head on the frozen penultimate features. */
    @SerializedName("linear-probe")
    LINEAR_PROBE("linear-probe", "new linear head on the frozen penultimate features"),
    /** Every weight trainable plus a new head on the penultimate features. */
    @SerializedName("finetune")
    FINETUNE("finetune", "all weights trainable plus a new head on the penultimate features"),
    /** The same architecture with fresh random weights, trained like fine-tuning. */
    @SerializedName("scratch")
    SCRATCH("scratch", "same architecture, fresh random (Kaiming) weights, trained like fine-tuning");

    private final String id;
    private final String description;

    BaselineKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The id used on the command line, in config.json and as the result's method. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Every id, comma separated ("linear-probe, finetune, scratch"). */
    public static String ids() {
        return Arrays.stream(values()).map(BaselineKind::id).collect(Collectors.joining(", "));
    }

    /** The kind with id (or enum name) S; an unknown value is an {@link IllegalArgumentException} listing the ids. */
    public static BaselineKind parse(String s) {
        if (s != null) {
            String t = s.trim();
            for (BaselineKind k : values()) {
                if (k.id.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t.replace('-', '_'))) {
                    return k;
                }
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + s + "' (use " + ids() + ")");
    }

    /** The kind whose id is METHOD, or null when METHOD is not a baseline (e.g. "reprogram"). */
    public static BaselineKind fromMethod(String method) {
        for (BaselineKind k : values()) {
            if (k.id.equals(method)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
