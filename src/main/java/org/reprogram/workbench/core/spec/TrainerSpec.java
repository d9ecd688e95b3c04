package org.reprogram.workbench.core.spec;

/**
 * How a reprogramming run trains its program.
 *
 * @param kind white-box (backpropagation) or black-box (zeroth-order, queries only)
 * @param queryDirections black-box: random directions q per step
 * @param smoothing black-box: smoothing radius beta
 */
public record TrainerSpec(TrainerKind kind, int queryDirections, double smoothing) {

    public boolean blackBox() {
        return kind == TrainerKind.BLACKBOX;
    }
}
