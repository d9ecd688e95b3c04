package org.reprogram.workbench.core.baseline;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.TorchScriptSourceModel;

/**
 * A trainable copy of a user's TorchScript module: loaded with {@code trainParam} and NOT frozen.
 * With the sidecar's {@code "featuresMethod"} the output is that method's [N, D] features (called
 * through DJL's {@code module_method:} input name so autograd reaches the weights); without it,
 * the module's own logits [N, K_s], and the head becomes a learned K_s -> K_t mapping. The module
 * is in train mode (BatchNorm batch statistics) for training steps and in eval mode for evaluation.
 * The .pt file is only read.
 */
final class TorchScriptBackbone implements Backbone {

    private final ModelCard card;
    private final Model model;
    private final Block block;
    private final String origin;
    private final List<NDArray> parameters = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private boolean trained;

    private TorchScriptBackbone(ModelCard card, Model model, String origin) {
        this.card = card;
        this.model = model;
        this.block = model.getBlock();
        this.origin = origin;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a != null) {
                a.setRequiresGradient(true);
                parameters.add(a);
            }
        }
        notices.add("TorchScript: BatchNorm switches to batch statistics for training steps only in a scripted module"
                + " (torch.jit.script); a traced module keeps the mode it was traced in (usually eval)");
        if (card.featuresMethod() == null) {
            notices.add("no featuresMethod: fine-tuned all weights with a learned linear mapping on the logits ("
                    + card.numClasses() + " source logits -> target classes). Add \"" + ModelCard.FEATURES_METHOD_KEY
                    + "\" to " + TorchScriptSourceModel.sidecarOf(Path.of(origin)).getFileName()
                    + " to train a head on the penultimate features instead");
        }
    }

    /** MODELFILE on DEVICE, pretrained weights when SCRATCHSEED is null, else re-initialised with it. */
    static TorchScriptBackbone load(Path modelFile, Device device, Long scratchSeed) {
        if (!Files.isRegularFile(modelFile)) {
            throw UserInputException.forFile(modelFile, "model file not found",
                    "give the path of a TorchScript .pt file (torch.jit.save) or 'builtin'");
        }
        ModelCard card = TorchScriptSourceModel.readSidecar(modelFile);
        Model model = Model.newInstance(card.name(), device, "PyTorch");
        try {
            model.load(modelFile, null, Map.of("trainParam", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw UserInputException.forFile(modelFile, "is not a loadable TorchScript model ("
                    + FrozenFeatures.firstLine(e) + ")", "save it with torch.jit.save(torch.jit.trace(model), path)", e);
        }
        TorchScriptBackbone b = new TorchScriptBackbone(card, model, modelFile.toString());
        try {
            if (scratchSeed != null) {
                b.reinitialise(new Random(scratchSeed));
            }
            b.validate();
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        return b;
    }

    private void reinitialise(Random rnd) {
        List<String> kept = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().getArray() != null && !ScratchInit.reset(p.getKey(), p.getValue().getArray(), rnd)) {
                kept.add(p.getKey());
            }
        }
        notices.add("scratch: every parameter of the TorchScript module re-initialised by name and shape (4-D and 2-D"
                + " weights Kaiming normal, biases 0, other 1-D weights 1)" + (kept.isEmpty() ? "" : "; kept as loaded: "
                + String.join(", ", kept)) + ". BatchNorm running mean/variance are module buffers that DJL does not"
                + " expose, so they could NOT be reset: they start from the pretrained values and are replaced by"
                + " batch statistics only gradually (momentum) during training");
    }

    /** One dry forward on a zero canvas: the output must be [1, D]. */
    private void validate() {
        try (NDManager m = manager().newSubManager()) {
            NDArray x = m.zeros(new ai.djl.ndarray.types.Shape(1, card.channels(), card.height(), card.width()));
            NDArray out;
            try {
                out = forward(x, false);
            } catch (RuntimeException e) {
                Path sidecar = TorchScriptSourceModel.sidecarOf(Path.of(origin));
                throw UserInputException.forFile(sidecar, (card.featuresMethod() == null ? "the model"
                        : "method \"" + card.featuresMethod() + "\"") + " rejects input of shape [1, " + card.channels()
                        + ", " + card.height() + ", " + card.width() + "] (" + FrozenFeatures.firstLine(e) + ")",
                        card.featuresMethod() == null ? "set \"inputShape\" to the shape the model was traced with"
                                : "export the method with @torch.jit.export or correct \"" + ModelCard.FEATURES_METHOD_KEY
                                        + "\"", e);
            }
            if (out.getShape().dimension() != 2 || out.getShape().get(0) != 1) {
                throw UserInputException.forFile(TorchScriptSourceModel.sidecarOf(Path.of(origin)), (card.featuresMethod()
                        == null ? "the model" : "method \"" + card.featuresMethod() + "\"") + " returns shape "
                        + out.getShape() + ", not [N, D]", "return the flattened features (or logits), one row per image");
            }
        }
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public NDArray forward(NDArray normalized, boolean training) {
        NDList in = new NDList(normalized);
        if (card.featuresMethod() != null) {
            NDArray marker = normalized.getManager().zeros(new ai.djl.ndarray.types.Shape(1));
            marker.setName("module_method:" + card.featuresMethod());
            in.add(marker);
        }
        // DJL switches the module to train()/eval() when TRAINING changes; eval passes run without autograd
        return block.forward(new ParameterStore(normalized.getManager(), false), in, training).singletonOrThrow();
    }

    @Override
    public List<NDArray> parameters() {
        return parameters;
    }

    @Override
    public long trainedParameterCount() {
        long n = 0;
        for (NDArray a : parameters) {
            try (PtNDArray g = JniUtils.getGradient((PtNDArray) a)) {
                // null: autograd never reached it (not yet trained, or unused by the features method)
                n += g != null || !trained ? a.size() : 0;
            }
        }
        return n;
    }

    @Override
    public void afterStep() {
        trained = true;
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (NDArray a : parameters) {
            n += a.size();
        }
        return n;
    }

    @Override
    public String mapping() {
        return card.featuresMethod() == null ? "linear-on-logits" : "linear-head";
    }

    @Override
    public List<String> notices() {
        return notices;
    }

    @Override
    public NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public String origin() {
        return origin;
    }

    /** The module (tests compare its weights). */
    Block block() {
        return block;
    }

    @Override
    public void close() {
        model.close();
    }
}
