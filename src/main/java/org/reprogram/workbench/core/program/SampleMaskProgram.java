package org.reprogram.workbench.core.program;

import java.util.List;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ValueType;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.NamedArray;
import org.reprogram.workbench.core.model.Normalization;

/**
 * Sample-specific multi-channel masks (SMM, Cai et al. ICML'24; tmlr-group/SMM
 * {@code instance_model.py}): the target is resized to the whole canvas and normalised; a small
 * {@link MaskNetwork} reads it and predicts a mask at 1/8 of the canvas, upsampled by nearest
 * neighbour (x8), which multiplies one shared delta (C x H x W, initialised to zero, no
 * activation): x' = x + delta * mask(x), all in normalised space. Here the sum is formed in pixel
 * space as x + std * delta * mask((x - mean) / std), which the source's normalisation turns into
 * exactly the authors' expression. Mask network and delta train together (SMM: Adam 0.01 for
 * both). The canvas side must be divisible by 8.
 */
public final class SampleMaskProgram extends AbstractInputProgram {

    public static final int PATCH = 8;

    /** The plain-array form: the shared delta times the upsampled mask of the mask network. */
    public static final String FORMULA = "x' = x + delta * up8(mask_net((x - mean) / std)) * std; mask_net: conv0..conv4"
            + " 3x3 padding 1, bn_i (eps 1e-5, running statistics) + ReLU after conv0..conv3, 2x2 max-pool after"
            + " conv0..conv2; up8: nearest x8";

    private final NDArray delta;
    private final MaskNetwork net;
    private final Normalization normalization;
    private final NDArray std;

    public SampleMaskProgram(ProgramSetup setup, NDManager parent) {
        super(setup, parent);
        Placement p = setup.placement();
        if (p.height() % PATCH != 0 || p.width() % PATCH != 0) {
            manager.close();
            throw new IllegalArgumentException("the smm program needs a canvas whose sides are divisible by " + PATCH
                    + ", this source model's canvas is " + p.height() + "x" + p.width());
        }
        delta = addParameter(manager.zeros(new Shape(1, p.channels(), p.height(), p.width())), null);
        net = new MaskNetwork(p.channels(), setup.seed(), manager, a -> addParameter(a, null), this::addBuffer);
        normalization = new Normalization(setup.mean(), setup.std(), p.channels(), manager);
        std = stdArray(manager);
    }

    @Override
    public String name() {
        return "smm";
    }

    @Override
    public NDArray apply(NDArray canvases, boolean training) {
        NDArray mask = mask(canvases, training);
        return canvases.add(delta.mul(mask).mul(std));
    }

    /** The upsampled mask [B, C, H, W]. */
    NDArray mask(NDArray canvases, boolean training) {
        NDArray small = net.forward(normalization.apply(canvases), training);
        Shape s = small.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        // nearest-neighbour x8: [B,C,h,w] -> [B,C,h,1,w,1] -> broadcast [B,C,h,8,w,8] -> [B,C,8h,8w]
        return small.reshape(b, c, h, 1, w, 1).broadcast(new Shape(b, c, h, PATCH, w, PATCH))
                .reshape(b, c, h * PATCH, w * PATCH);
    }

    /**
     * {@value #FORMULA}: the shared delta as C x H x W (normalised space, as learned), then the mask
     * network's arrays as {@code mask_net.conv0.weight}, … (see {@link MaskNetwork#arrays()}).
     */
    @Override
    public Interop interop() {
        Placement p = setup.placement();
        List<NamedArray> out = new java.util.ArrayList<>();
        out.add(new NamedArray("delta", new int[] {p.channels(), p.height(), p.width()}, delta.toFloatArray()));
        for (NamedArray a : net.arrays()) {
            out.add(new NamedArray("mask_net." + a.name(), a.shape(), a.values()));
        }
        return Interop.of(FORMULA, out);
    }

    /** The masks come from the mask network, which run folders save for the final and best states only. */
    @Override
    public boolean recordDefinesProgram() {
        return false;
    }

    @Override
    public float[] sampleMasks(NDArray canvases) {
        return mask(canvases, false).toFloatArray();
    }

    @Override
    public float[] perturbation() {
        try (NDManager m = manager.newSubManager()) {
            NDArray d = delta.duplicate();
            d.attach(m);
            return d.mul(std).toFloatArray();
        }
    }

    @Override
    public boolean signedPerturbation() {
        return true;
    }

    /** Registration: id "smm"; needs a canvas whose sides are divisible by {@value #PATCH}. */
    public static final class Type extends AbstractProgramType {
        public Type() {
            super("smm", "smm – per-image masks",
                    "Sample-specific masks from a small mask network times one shared delta (SMM)",
                    "The target fills the canvas; needs sides divisible by 8.", List.of());
        }

        @Override
        public List<Problem> problems(ModelCard card, ParameterValues settings) {
            if (card.height() % PATCH != 0 || card.width() % PATCH != 0) {
                return List.of(new Problem("program", "{} 'smm' needs a canvas whose sides are divisible by "
                        + PATCH + " (its mask network pools three times), but source model '" + card.name()
                        + "' takes " + card.height() + "x" + card.width(),
                        "choose {} " + ValueType.orList(ProgramTypes.ids().stream().filter(other -> !other.equals(id()))
                                .toList()) + ", or a source model with such a canvas"));
            }
            return List.of();
        }

        @Override
        public InputProgram create(ProgramSetup setup, NDManager manager) {
            return new SampleMaskProgram(setup, manager);
        }

        @Override
        public ProgramLegend legend(boolean signed) {
            return signed ? new ProgramLegend("≤ −1", "0", "≥ +1", ProgramLegend.SMM) : ProgramLegend.UNSIGNED_FRAME;
        }
    }
}
