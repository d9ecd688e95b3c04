package org.reprogram.workbench.core.predict;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.NamedArray;
import org.reprogram.workbench.core.program.InputProgram;

/**
 * A run's program and mapping as plain arrays and formulas that any tool can apply around the
 * source model (PyTorch: {@code docs/python/predict_bundle.py}): x is the placed canvas in [0, 1],
 * C x H x W; x' the program's formula ({@link InputProgram#interop()}), then the source logits
 * l = f((x' - mean) / std), then the mapping's formula ({@link LabelMapping#interop()}). Each program
 * and mapping states its own form; where either has none, the bundle carries the stated reason
 * instead of arrays.
 */
final class InteropArrays {

    /**
     * The arrays and formulas, or the reason there are none.
     *
     * @param arrays the program's arrays, then the mapping's (empty when unavailable)
     * @param program the program's formula (null when unavailable)
     * @param mapping the mapping's formula (null when unavailable)
     * @param unavailable why the run has no plain-array form (null when it has one)
     */
    record Result(List<NamedArray> arrays, String program, String mapping, String unavailable) {}

    private InteropArrays() {}

    static Result of(InputProgram program, LabelMapping mapping) {
        Interop p = program.interop();
        Interop m = mapping.interop();
        if (!p.exportable() || !m.exportable()) {
            String reason = !p.exportable() && !m.exportable() ? p.refusal() + "; " + m.refusal()
                    : !p.exportable() ? p.refusal() : m.refusal();
            return new Result(List.of(), null, null, reason);
        }
        List<NamedArray> arrays = new ArrayList<>(p.arrays());
        for (NamedArray a : m.arrays()) {
            if (arrays.stream().anyMatch(b -> b.name().equals(a.name()))) {
                throw new IllegalStateException("program '" + program.name() + "' and mapping '" + mapping.name()
                        + "' both export an array named '" + a.name() + "'");
            }
            arrays.add(a);
        }
        return new Result(List.copyOf(arrays), p.formula(), m.formula(), null);
    }
}
