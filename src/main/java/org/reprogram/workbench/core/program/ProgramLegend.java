package org.reprogram.workbench.core.program;

/**
 * What the gray levels of the program image mean (plain text; the view draws a black-to-white bar
 * with LOW under its left end, MID in the middle and HIGH at the right, then NOTE).
 *
 * <p>The image is the program's perturbation as {@code ProgramImages} draws it: a signed one maps
 * −1 → black, 0 → mid-gray, +1 → white (clipped beyond ±1); an unsigned one (sigmoid frame) maps
 * 0 → black, 1 → white. What the value does depends on the program:
 * <ul>
 *   <li>pad / scale with tanh: tanh(W) is added to the zero padding, so it is the frame pixel the
 *       model sees; gray (0) leaves the frame black, −1 is below black. The image window is 0
 *       (gray): the target goes there, unchanged.</li>
 *   <li>pad / scale with sigmoid: sigmoid(W) in (0, 1) is the frame pixel itself; it starts at 0.5.
 *       The image window is 0 (black).</li>
 *   <li>full: the delta (W times the model's std, in pixel units) added to every pixel of the
 *       resized target.</li>
 *   <li>smm: the one shared delta, before each image's mask multiplies it.</li>
 * </ul>
 *
 * @param low the value at black
 * @param mid the value at mid-gray
 * @param high the value at white
 * @param note one sentence: what a pixel of that value does to the model's input
 */
public record ProgramLegend(String low, String mid, String high, String note) {

    public static final String FRAME_TANH = "Frame value tanh(W), added to the black padding: it is the pixel the model"
            + " sees (gray leaves the frame black, −1 is below black). Gray centre: the target image's window,"
            + " unchanged.";
    public static final String FRAME_SIGMOID = "Frame value sigmoid(W): the pixel the model sees (black 0, white 1; it"
            + " starts at 0.5). Black centre: the target image's window, unchanged.";
    public static final String FULL = "Delta added to every pixel of the resized target (pixel units): gray leaves a pixel"
            + " as it is, white brightens, black darkens; clipped at ±1 in this picture.";
    public static final String SMM = "The shared delta, before each image's own mask multiplies it (masks: Samples):"
            + " gray no change, white brightens, black darkens; clipped at ±1 in this picture.";
    public static final String SIGNED = "Added to the input: gray no change, white +1, black −1 (clipped at ±1).";

    /** A signed picture of a program whose type gives no better reading. */
    public static final ProgramLegend SIGNED_PLAIN = new ProgramLegend("−1", "0", "+1", SIGNED);
    /** An unsigned picture: a sigmoid frame (pad, scale with --frame sigmoid). */
    public static final ProgramLegend UNSIGNED_FRAME = new ProgramLegend("0", "0.5", "1", FRAME_SIGMOID);
    /** A tanh frame (pad, scale). */
    public static final ProgramLegend SIGNED_FRAME = new ProgramLegend("−1", "0", "+1", FRAME_TANH);

    /** The legend of a program of TYPE (null when unknown) whose image is SIGNED or not. */
    public static ProgramLegend of(ProgramType type, boolean signed) {
        if (!signed) {
            return UNSIGNED_FRAME;
        }
        return type == null ? SIGNED_PLAIN : type.legend(true);
    }

    /** One line for tooltips and tests: "black −1 · gray 0 · white +1". */
    public String scale() {
        return "black " + low + " · gray " + mid + " · white " + high;
    }
}
