package org.reprogram.workbench.core.model;

/**
 * One array of a program or mapping as plain values, named the way PyTorch names it
 * ({@code conv0.weight}, {@code bn0.running_mean}, ...): what a bundle writes as {@code .npy}
 * files for other tools.
 *
 * @param name the array's name
 * @param shape its dimensions, row-major (C order)
 * @param values shape[0] x shape[1] x ... values
 */
public record NamedArray(String name, int[] shape, float[] values) {

    public NamedArray {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for shape "
                    + java.util.Arrays.toString(shape));
        }
    }

    /** An array whose shape is read from A. */
    public static NamedArray of(String name, ai.djl.ndarray.NDArray a) {
        long[] s = a.getShape().getShape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = (int) s[i];
        }
        return new NamedArray(name, shape, a.toFloatArray());
    }
}
