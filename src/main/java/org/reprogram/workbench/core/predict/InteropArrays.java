package org.reprogram.workbench.core.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.program.InputProgram;
import org.reprogram.workbench.core.program.NamedArray;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.SampleMaskProgram;

/**
 * A program and mapping as plain arrays and formulas that any tool can apply around the source
 * model (PyTorch: {@code docs/python/predict_bundle.py}). x is the placed canvas in [0, 1], C x H x W:
 * <ul>
 *   <li>pad, full: x' = x + delta (the frame or full delta with its activation, mask and gain
 *       already applied);</li>
 *   <li>scale: x' = R(scale, H) x R(scale, W)^T + delta, the bilinear zoom about the centre with
 *       R[i][j] = max(0, 1 - |(i - c) / scale + c - j|), c = (side - 1) / 2, per channel;</li>
 *   <li>smm: x' = x + delta * up8(mask_net((x - mean) / std)) * std, mask_net five 3x3 convolutions
 *       (padding 1) C-8-16-32-64-C, BatchNorm (eps 1e-5, running statistics) + ReLU after the first
 *       four, 2x2 max-pool after the first three; up8 repeats each value 8 x 8 (nearest).</li>
 * </ul>
 * Then the source logits l = f((x' - mean) / std), and the target logits l @ mapping_weights +
 * mapping_bias, or for bar log(softmax(l) @ mapping_weights + 1e-12).
 */
final class InteropArrays {

    /** The arrays and formulas. */
    record Result(List<NamedArray> arrays, String program, String mapping) {}

    private InteropArrays() {}

    static Result of(InputProgram program, LabelMapping mapping) {
        List<NamedArray> arrays = new ArrayList<>();
        Placement p = program.placement();
        int[] chw = {p.channels(), p.height(), p.width()};
        String formula;
        switch (program.name()) {
            case "pad", "full" -> {
                arrays.add(new NamedArray("delta", chw, program.perturbation()));
                formula = "x' = x + delta";
            }
            case "scale" -> {
                arrays.add(new NamedArray("delta", chw, program.perturbation()));
                arrays.add(new NamedArray("scale", new int[] {1}, new float[] {(float) program.inputScale()}));
                formula = "x' = R(scale, H) @ x @ R(scale, W)^T + delta, R[i][j] = max(0, 1 - |(i - c) / scale + c - j|),"
                        + " c = (side - 1) / 2";
            }
            case "smm" -> {
                for (NamedArray a : ((SampleMaskProgram) program).exportArrays()) {
                    arrays.add(a.name().equals("delta") ? new NamedArray("delta", chw, a.values())
                            : new NamedArray("mask_net." + a.name(), a.shape(), a.values()));
                }
                formula = "x' = x + delta * up8(mask_net((x - mean) / std)) * std; mask_net: conv0..conv4 3x3 padding 1,"
                        + " bn_i (eps 1e-5, running statistics) + ReLU after conv0..conv3, 2x2 max-pool after conv0..conv2;"
                        + " up8: nearest x8";
            }
            default -> throw new IllegalArgumentException("no plain-array form for program '" + program.name() + "'");
        }
        int ks = mapping.sourceClasses();
        int kt = mapping.targetClasses();
        float[] w = new float[ks * kt];
        float[][] m = mapping.weights();
        for (int s = 0; s < ks; s++) {
            System.arraycopy(m[s], 0, w, s * kt, kt);
        }
        float[] bias = new float[kt];
        if (mapping.name().equals("linear")) {
            float[] state = mapping.state();
            bias = Arrays.copyOfRange(state, ks * kt, ks * kt + kt);
        }
        arrays.add(new NamedArray("mapping_weights", new int[] {ks, kt}, w));
        arrays.add(new NamedArray("mapping_bias", new int[] {kt}, bias));
        String mappingFormula = mapping.name().equals("bar")
                ? "target = log(softmax(logits) @ mapping_weights + 1e-12)"
                : "target = logits @ mapping_weights + mapping_bias";
        return new Result(List.copyOf(arrays), formula, mappingFormula);
    }
}
