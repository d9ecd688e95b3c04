package org.reprogram.workbench.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A learned input program or label mapping in a form that other tools apply without the workbench:
 * plain arrays (a bundle writes each as {@code interop/NAME.npy}) and the formula that applies them;
 * or, for a method that has no such form, the stated reason. Each program and mapping gives its own
 * ({@code InputProgram.interop()}, {@code LabelMapping.interop()}); the default is "not exportable",
 * so a new method never exports a formula that is not its own.
 *
 * @param formula how the arrays apply: a program's "x' = …" on the placed canvas x in [0, 1] (before the
 *     source model's normalisation), a mapping's "target = …" from the source logits; null when not exportable
 * @param arrays the arrays the formula names (names unique); empty when not exportable
 * @param refusal why there is no plain-array form (a sentence naming the method); null when exportable
 */
public record Interop(String formula, List<NamedArray> arrays, String refusal) {

    public Interop {
        if ((formula == null) == (refusal == null)) {
            throw new IllegalArgumentException("an interop form has either a formula or a refusal");
        }
        arrays = List.copyOf(arrays);
        Set<String> names = new HashSet<>();
        for (NamedArray a : arrays) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two interop arrays named '" + a.name() + "'");
            }
        }
    }

    /** The form FORMULA over ARRAYS. */
    public static Interop of(String formula, List<NamedArray> arrays) {
        return new Interop(formula, arrays, null);
    }

    /** No plain-array form, for REASON (one sentence naming the program or mapping). */
    public static Interop notExportable(String reason) {
        return new Interop(null, List.of(), reason);
    }

    /** Whether arrays and a formula exist. */
    public boolean exportable() {
        return formula != null;
    }
}
