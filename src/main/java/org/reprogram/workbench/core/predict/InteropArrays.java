package org.reprogram.workbench.core.predict;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.NamedArray;
import org.reprogram.workbench.core.model.PromptClassifier;
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
     * @param source how a vision-language source's logits are computed (null: the model's forward)
     */
    record Result(List<NamedArray> arrays, String program, String mapping, String unavailable, String source) {

        Result(List<NamedArray> arrays, String program, String mapping, String unavailable) {
            this(arrays, program, mapping, unavailable, null);
        }
    }

    /**
     * The source logits of a vision-language run on x' (the programmed canvas), as
     * {@code PromptClassifier.logits} computes them, IMAGE the module's image method: the run's prompt
     * embeddings travel as {@value #PROMPT_EMBEDDINGS} [P, D] (normalised rows) and the scale as
     * {@value #LOGIT_SCALE} [1].
     */
    static String sourceFormula(String image) {
        return "logits = logit_scale * normalize(model." + image + "((x' - mean) / std)) @ prompt_embeddings.T,"
                + " normalize(v) = v / max(||v||_2, 1e-12) per row";
    }

    static final String PROMPT_EMBEDDINGS = "prompt_embeddings";
    static final String LOGIT_SCALE = "logit_scale";

    private InteropArrays() {}

    /**
     * As {@link #of(InputProgram, LabelMapping)} for a run on a vision-language source (VLM: its prompt
     * classifier): with the prompt embeddings, the logit scale and the formula of the source logits.
     */
    static Result of(InputProgram program, LabelMapping mapping, PromptClassifier vlm) {
        Result r = of(program, mapping);
        if (vlm == null || r.unavailable() != null) {
            return r;
        }
        float[][] e = vlm.promptEmbeddings();
        int d = e.length == 0 ? 0 : e[0].length;
        float[] flat = new float[e.length * d];
        for (int p = 0; p < e.length; p++) {
            System.arraycopy(e[p], 0, flat, p * d, d);
        }
        List<NamedArray> arrays = new ArrayList<>(r.arrays());
        arrays.add(new NamedArray(PROMPT_EMBEDDINGS, new int[] {e.length, d}, flat));
        arrays.add(new NamedArray(LOGIT_SCALE, new int[] {1}, new float[] {vlm.model().logitScale()}));
        return new Result(List.copyOf(arrays), r.program(), r.mapping(), null,
                sourceFormula(vlm.model().card().visionLanguage().imageMethod()));
    }

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
