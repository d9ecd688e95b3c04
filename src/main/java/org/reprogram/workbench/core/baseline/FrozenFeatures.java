package org.reprogram.workbench.core.baseline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.Normalization;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.TorchScriptSourceModel;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.train.BatchBuffer;

/**
 * Penultimate features of a FROZEN source model in inference mode (BatchNorm running statistics,
 * no gradients), computed once per split for the linear probe. Built-in model: the output of the
 * block before its last Linear (the 128-unit ReLU). TorchScript: the sidecar's
 * {@code "featuresMethod"}, called with {@link IValueUtils#runMethod} on normalised input.
 */
final class FrozenFeatures {

    private static final int BATCH = 256;

    private final SourceModel source;
    private final Normalization normalization;
    private long images;

    private FrozenFeatures(SourceModel source) {
        this.source = source;
        this.normalization = Normalization.of(source.card(), source.manager());
    }

    /** Features of SOURCE; a TorchScript model without a features method is a {@link UserInputException}. */
    static FrozenFeatures of(SourceModel source) {
        if (source instanceof TorchScriptSourceModel && source.card().featuresMethod() == null) {
            throw new UserInputException(missingMethodMessage(Path.of(source.origin())));
        }
        if (!(source instanceof BuiltinSourceModel) && !(source instanceof TorchScriptSourceModel)
                && !(source instanceof PromptClassifier)) {
            throw new IllegalArgumentException("no feature extractor for " + source.getClass().getSimpleName());
        }
        return new FrozenFeatures(source);
    }

    static String missingMethodMessage(Path modelFile) {
        return TorchScriptSourceModel.sidecarOf(modelFile) + " has no \"" + ModelCard.FEATURES_METHOD_KEY + "\":"
                + " linear-probe needs a method of the module that returns [N, D] penultimate features. Fix: export one"
                + " with @torch.jit.export def features(self, x) (or torch.jit.trace_module(model, {\"forward\": x,"
                + " \"features\": x})) and add \"" + ModelCard.FEATURES_METHOD_KEY + "\": \"features\" to the sidecar";
    }

    /** The features of every canvas in CANVASES, as [D] items with the same labels. */
    Samples of(Samples canvases) {
        int n = canvases.size();
        int[] order = canvases.identityOrder();
        BatchBuffer buffer = new BatchBuffer(BATCH, canvases.itemSize());
        float[] out = null;
        int dim = 0;
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            try (NDManager scope = source.manager().newSubManager()) {
                NDArray f = batch(normalization.apply(canvases.batch(scope, order, from, to, buffer)), scope);
                if (out == null) {
                    dim = Math.toIntExact(f.getShape().get(1));
                    out = new float[n * dim];
                }
                float[] v = f.toFloatArray();
                System.arraycopy(v, 0, out, from * dim, v.length);
            }
        }
        if (out == null) {
            dim = dimension(canvases.itemShape());
            out = new float[0];
        }
        return new Samples(out, canvases.labels().clone(), new long[] {dim});
    }

    /** The feature dimension D, from one dry pass on a zero canvas of ITEMSHAPE. */
    int dimension(long[] itemShape) {
        try (NDManager scope = source.manager().newSubManager()) {
            long[] shape = new long[itemShape.length + 1];
            shape[0] = 1;
            System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
            NDArray f = batch(normalization.apply(scope.zeros(new ai.djl.ndarray.types.Shape(shape))), scope);
            return Math.toIntExact(f.getShape().get(1));
        }
    }

    /** Images passed through the source network so far (the dry pass of {@link #dimension} included). */
    long images() {
        return images;
    }

    private NDArray batch(NDArray normalized, NDManager scope) {
        images += normalized.getShape().get(0);
        NDArray f = source instanceof BuiltinSourceModel b ? builtin(b.block(), normalized)
                : source instanceof PromptClassifier p ? p.model().imageFeatures(normalized).stopGradient()
                : torchScript(normalized, scope);
        if (f.getShape().dimension() != 2 || f.getShape().get(0) != normalized.getShape().get(0)) {
            throw new UserInputException(TorchScriptSourceModel.sidecarOf(Path.of(source.origin())) + ": method \""
                    + source.card().featuresMethod() + "\" returned shape " + f.getShape() + ", not [N, D]. Fix: make"
                    + " it return the flattened penultimate features, one row per image");
        }
        return f;
    }

    /** Every child block but the last (the classifier Linear), in inference mode. */
    private static NDArray builtin(SequentialBlock block, NDArray x) {
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        List<Block> children = block.getChildren().values();
        NDList h = new NDList(x);
        for (int i = 0; i < children.size() - 1; i++) {
            h = children.get(i).forward(ps, h, false);
        }
        return h.singletonOrThrow();
    }

    private NDArray torchScript(NDArray x, NDManager scope) {
        PtSymbolBlock block = (PtSymbolBlock) ((TorchScriptSourceModel) source).block();
        String method = source.card().featuresMethod();
        try (IValue in = IValue.from((PtNDArray) x);
                IValue result = IValueUtils.runMethod(block, method, in)) {
            if (!result.isTensor()) {
                throw new UserInputException(TorchScriptSourceModel.sidecarOf(Path.of(source.origin())) + ": method \""
                        + method + "\" returned " + result.getType() + ", not a tensor [N, D]. Fix: return the"
                        + " penultimate features as one tensor");
            }
            return result.toTensor((PtNDManager) scope);
        } catch (ai.djl.engine.EngineException e) {
            throw new UserInputException(TorchScriptSourceModel.sidecarOf(Path.of(source.origin())) + ": calling method"
                    + " \"" + method + "\" of " + source.origin() + " failed (" + firstLine(e) + "). Fix: export the"
                    + " method with @torch.jit.export (or trace_module) or correct \"" + ModelCard.FEATURES_METHOD_KEY
                    + "\" in the sidecar", e);
        }
    }

    static String firstLine(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }
}
