package org.reprogram.workbench.core.program;

import java.util.List;
import org.reprogram.workbench.core.param.Parameter;
import org.reprogram.workbench.core.param.ValueType;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.reprogram.workbench.core.model.ArrayWrites;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.NamedArray;
import org.reprogram.workbench.core.model.Scalars;

/**
 * Learnable input scale (AutoVP, Tsao et al. ICLR'24; IBM/AutoVP {@code programs.py}): the
 * target, resized to the inner size and zero-padded to the canvas, is resampled by one trainable
 * scalar s about the canvas centre with a bilinear warp (zeros outside), so it spans about
 * inner * s pixels; a full-canvas frame act(W) is added outside the image window, whose side
 * min(int(inner * s), canvas) is recomputed from s at every forward without gradient. s gets
 * its gradient only through the sampling weights, as through {@code F.grid_sample}.
 *
 * <p>Following AutoVP: affine grid with theta = diag(1/s, 1/s), {@code align_corners=False}
 * (source coordinate u = (i - c) / s + c with c = (side - 1) / 2), zero padding, s clamped after
 * every optimiser step to [{@value #MIN_SCALE}, {@value #MAX_SCALE}]. Deliberate differences:
 * the warp is computed as two separable interpolation matrices, out = R_y(s) x R_x(s)^T with
 * R[i][j] = max(0, 1 - |u_i - j|), which is exactly bilinear sampling with zero padding and
 * needs no grid_sample in DJL; the upper clamp also stops at canvas / inner, so the target
 * never grows past the canvas (AutoVP would crop it); the frame activation is the user's
 * {@code --frame} (AutoVP uses sigmoid).
 */
public final class ScaleProgram extends AbstractInputProgram {

    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 5.0;

    /** The plain-array form: the bilinear zoom by s about the centre, then the frame. */
    public static final String FORMULA = "x' = R(scale, H) @ x @ R(scale, W)^T + delta, R[i][j] = max(0, 1 - |(i - c)"
            + " / scale + c - j|), c = (side - 1) / 2";

    private final NDArray scale;
    private final NDArray weight;
    private final double maxScale;

    public ScaleProgram(ProgramSetup setup, NDManager parent) {
        super(setup, parent);
        Placement p = setup.placement();
        maxScale = Math.min(MAX_SCALE, Math.min((double) p.height() / p.innerHeight(),
                (double) p.width() / p.innerWidth()));
        double s0 = Math.max(MIN_SCALE, Math.min(maxScale, setup.settings().get(INIT_SCALE)));
        scale = addParameter(manager.create(new float[] {(float) s0}), null);
        weight = addParameter(manager.zeros(new Shape(1, p.channels(), p.height(), p.width())), null);
    }

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public NDArray apply(NDArray canvases, boolean training) {
        // index arrays in the caller's (per-batch) manager: results of operations live with their
        // first operand, so program-owned operands would leak one array per step
        NDManager m = canvases.getManager();
        Placement p = setup.placement();
        NDArray ry = interpolation(m.arange(0f, p.height()), scale);
        NDArray rx = interpolation(m.arange(0f, p.width()), scale);
        NDArray warped = ry.matMul(canvases).matMul(rx.transpose());
        return warped.add(frame(weight, m));
    }

    /** As {@link #apply}: the warp with the recorded S, then the recorded frame. */
    @Override
    public NDArray applyRecorded(NDArray canvases, float[] perturbation, double s) {
        NDManager m = canvases.getManager();
        Placement p = setup.placement();
        NDArray recordedScale = m.create(new float[] {(float) s});
        NDArray ry = interpolation(m.arange(0f, p.height()), recordedScale);
        NDArray rx = interpolation(m.arange(0f, p.width()), recordedScale);
        NDArray warped = ry.matMul(canvases).matMul(rx.transpose());
        return warped.add(m.create(perturbation, new Shape(1, p.channels(), p.height(), p.width())));
    }

    /** R[i][j] = max(0, 1 - |u_i - j|), u_i = (i - c) / s + c: bilinear weights, zero outside. */
    static NDArray interpolation(NDArray index, NDArray s) {
        float c = (index.size() - 1) / 2f;
        NDArray u = index.sub(c).div(s).add(c);
        NDArray dist = u.expandDims(1).sub(index.expandDims(0)).abs();
        // the zero as an array libtorch owns: maximum's backward reads it (see Scalars)
        return dist.neg().add(1f).maximum(Scalars.of(index.getManager(), 0f));
    }

    private NDArray frame(NDArray w, NDManager m) {
        return setup.settings().get(FrameSettings.FRAME).apply(w).mul(m.create(frameMask(currentScale()), w.getShape()));
    }

    /** 1 outside the centred window of side min(int(inner * s), canvas), recomputed from S. */
    float[] frameMask(double s) {
        Placement p = setup.placement();
        int h = Math.min((int) (p.innerHeight() * s), p.height());
        int w = Math.min((int) (p.innerWidth() * s), p.width());
        if (h < 1 || w < 1) { // an empty window: the frame covers everything
            float[] all = new float[p.canvasSize()];
            java.util.Arrays.fill(all, 1f);
            return all;
        }
        return PaddingProgram.frameMask(new Placement(p.channels(), p.height(), p.width(), h, w));
    }

    private double currentScale() {
        return scale.getFloat(0);
    }

    @Override
    public double inputScale() {
        return currentScale();
    }

    /** AutoVP clamps s after every step. */
    @Override
    public void afterStep() {
        double s = currentScale();
        double clamped = Double.isNaN(s) ? 1.0 : Math.max(MIN_SCALE, Math.min(maxScale, s));
        if (clamped != s) {
            ArrayWrites.write(scale, new float[] {(float) clamped});
        }
    }

    /** The largest s this canvas allows. */
    public double maxScale() {
        return maxScale;
    }

    @Override
    public float[] perturbation() {
        try (NDManager m = manager.newSubManager()) {
            NDArray w = weight.duplicate();
            w.attach(m);
            return frame(w, m).toFloatArray();
        }
    }

    /** {@value #FORMULA}: delta = {@link #perturbation()} as C x H x W, scale = s as one value. */
    @Override
    public Interop interop() {
        Placement p = setup.placement();
        return Interop.of(FORMULA, List.of(
                new NamedArray("delta", new int[] {p.channels(), p.height(), p.width()}, perturbation()),
                new NamedArray("scale", new int[] {1}, new float[] {(float) inputScale()})));
    }

    @Override
    public boolean signedPerturbation() {
        return setup.settings().get(FrameSettings.FRAME).signed();
    }

    /** The initial input scale s (AutoVP searches 0.5, 1.0 and 1.5). */
    public static final Parameter<Double> INIT_SCALE = Parameter.of("program.init_scale",
            ValueType.real(MIN_SCALE, true, MAX_SCALE, true)).key("initScale").label("Initial scale s").column("init scale")
            .help("the learned input scale s starts here (AutoVP searches 0.5, 1 and 1.5); the image spans"
                    + " about inner size x s pixels").defaultValue(1.5).build();

    /** Registration: id "scale", settings inner size, frame activation and initial scale. */
    public static final class Type extends FramedProgramType {
        public Type() {
            super("scale", "scale – size + frame", "Learnable input scale plus a frame outside the image (AutoVP)",
                    "One learned number s scales the target; the frame fills the rest.",
                    List.of(FrameSettings.INNER_SIZE, FrameSettings.FRAME, INIT_SCALE));
        }

        @Override
        public InputProgram create(ProgramSetup setup, NDManager manager) {
            return new ScaleProgram(setup, manager);
        }
    }
}
