package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;

/**
 * A frozen vision-language (CLIP-style) model: one TorchScript module with an image method and a
 * text method (named in the sidecar, called through DJL's {@code module_method:} input name), its
 * tokenizer and its logit scale. Loaded as {@link TorchScriptSourceModel} is (trainable-parameter
 * support so autograd reaches the input, then frozen and in inference mode) and checked with one dry
 * call of each method: a missing method, an output that is not [N, embeddingSize] or an unreadable
 * tokenizer is a {@link UserInputException} naming the sidecar key and the fix.
 *
 * <p>Embeddings are L2-normalised, as every author normalises them before the cosine logits
 * (OPTML-Group/ILM-VP {@code experiments/clip/ilm_tp_vp.py}: {@code x_emb /= x_emb.norm(dim=-1)}).
 */
public final class VisionLanguageModel implements AutoCloseable {

    private static final int TEXT_BATCH = 64;

    private final ModelCard card;
    private final Model model;
    private final Block block;
    private final ParameterStore parameterStore;
    private final Normalization normalization;
    private final TextTokenizer tokenizer;
    private final String origin;

    private VisionLanguageModel(ModelCard card, Model model, TextTokenizer tokenizer, String origin) {
        this.card = card;
        this.model = model;
        this.block = model.getBlock();
        this.parameterStore = new ParameterStore(model.getNDManager(), false);
        this.normalization = Normalization.of(card, model.getNDManager());
        this.tokenizer = tokenizer;
        this.origin = origin;
    }

    /** The model in MODELFILE (with its sidecar and tokenizer) on DEVICE, frozen and checked. */
    public static VisionLanguageModel load(Path modelFile, Device device) {
        if (!Files.isRegularFile(modelFile)) {
            throw UserInputException.forFile(modelFile, "model file not found", "give the path of the TorchScript .pt"
                    + " file of a vision-language model (docs/python/export_vlm.py writes one) or builtin:fmnist-clip");
        }
        Path sidecar = TorchScriptSourceModel.sidecarOf(modelFile);
        ModelCard card = VisionLanguageSidecar.read(modelFile, sidecar);
        VisionLanguageCard vl = card.visionLanguage();
        TextTokenizer tokenizer = TextTokenizer.load(VisionLanguageSidecar.tokenizerOf(modelFile, vl), sidecar,
                vl.contextLength(), vl.padId());
        Model model = Model.newInstance(card.name(), device, "PyTorch");
        try {
            model.load(modelFile, null, Map.of("trainParam", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw UserInputException.forFile(modelFile, "is not a loadable TorchScript model ("
                    + TorchScriptSourceModel.firstLine(e) + ")",
                    "export it with docs/python/export_vlm.py (torch.jit.save of a module with the image and text"
                    + " methods)", e);
        }
        VisionLanguageModel m = new VisionLanguageModel(card, model, tokenizer, modelFile.toString());
        try {
            m.freezeAndValidate(sidecar);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    private void freezeAndValidate(Path sidecar) {
        VisionLanguageCard vl = card.visionLanguage();
        block.freezeParameters(true);
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray x = m.zeros(new Shape(1, card.channels(), card.height(), card.width()));
            // one call with training=true first (DJL flips the module to train mode), then eval(), as
            // TorchScriptSourceModel does; every later call keeps training=true so the mode stays eval
            NDArray image = call(vl.imageMethod(), "imageMethod", sidecar, normalization.apply(x));
            JniUtils.enableInferenceMode((PtSymbolBlock) block);
            checkShape(image, "imageMethod", vl.imageMethod(), sidecar, "[1, " + card.channels() + ", " + card.height()
                    + ", " + card.width() + "] images");
            NDArray text = encodeTextRaw(List.of("a photo"), m, sidecar);
            checkShape(text, "textMethod", vl.textMethod(), sidecar, "token ids [1, " + vl.contextLength() + "]");
        }
    }

    private void checkShape(NDArray out, String key, String method, Path sidecar, String input) {
        int d = card.visionLanguage().embeddingSize();
        Shape s = out.getShape();
        if (s.dimension() != 2 || s.get(0) != 1 || s.get(1) != d) {
            throw UserInputException.forFile(sidecar, "method \"" + method + "\" (\"" + key + "\") returns shape " + s
                    + " for " + input + ", but \"embeddingSize\" is " + d, "set \"embeddingSize\" to the size of the"
                    + " embeddings both methods return, or make the method return [N, D] (not a tuple or a model"
                    + " output object)");
        }
    }

    /** Calls METHOD of the module on INPUTS; a method the module lacks is a {@link UserInputException}. */
    private NDArray call(String method, String key, Path sidecar, NDArray... inputs) {
        NDList in = new NDList(inputs);
        NDArray marker = inputs[0].getManager().zeros(new Shape(1));
        marker.setName("module_method:" + method);
        in.add(marker);
        try {
            NDList out = block.forward(parameterStore, in, true);
            if (out.size() != 1) {
                throw UserInputException.forFile(sidecar, "method \"" + method + "\" (\"" + key + "\") returns "
                        + out.size() + " outputs", "make it return the embeddings [N, D] alone");
            }
            return out.singletonOrThrow();
        } catch (UserInputException e) {
            throw e;
        } catch (RuntimeException e) {
            String msg = TorchScriptSourceModel.firstLine(e);
            boolean missing = msg.contains("not defined") || msg.contains("does not have") || msg.contains("Method '"
                    + method + "'") || msg.contains("no method");
            throw UserInputException.forFile(sidecar, missing ? "the module has no method \"" + method + "\" (named by \""
                    + key + "\") (" + msg + ")" : "method \"" + method + "\" (\"" + key + "\") fails (" + msg + ")",
                    missing ? "export the method with @torch.jit.export (or torch.jit.trace_module), or correct \""
                            + key + "\"" : "check \"inputShape\", \"textInputs\" and \"contextLength\" against the"
                            + " model the module was exported from", e);
        }
    }

    /** L2-normalised image embeddings [N, D] of PIXELS [N, C, H, W] in [0, 1]; differentiable w.r.t. the input. */
    public NDArray encodeImage(NDArray pixels) {
        return l2(imageFeatures(normalization.apply(pixels)));
    }

    /** The image method's raw output [N, D] on NORMALIZED input (the linear probe's features). */
    public NDArray imageFeatures(NDArray normalized) {
        return call(card.visionLanguage().imageMethod(), "imageMethod", sidecarPath(), normalized);
    }

    /** L2-normalised text embeddings of TEXTS, one row each (computed once per run; no gradients). */
    public float[][] encodeText(List<String> texts) {
        int d = card.visionLanguage().embeddingSize();
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += TEXT_BATCH) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + TEXT_BATCH));
            try (NDManager m = model.getNDManager().newSubManager()) {
                float[] flat = l2(encodeTextRaw(chunk, m, sidecarPath())).toFloatArray();
                for (int i = 0; i < chunk.size(); i++) {
                    float[] row = new float[d];
                    System.arraycopy(flat, i * d, row, 0, d);
                    out[from + i] = row;
                }
            }
        }
        return out;
    }

    private NDArray encodeTextRaw(List<String> texts, NDManager m, Path sidecar) {
        VisionLanguageCard vl = card.visionLanguage();
        TextTokenizer.Tokens tokens = tokenizer.tokenize(texts);
        List<NDArray> in = new ArrayList<>();
        in.add(m.create(tokens.ids()));
        if (vl.takesMask()) {
            in.add(m.create(tokens.mask()));
        }
        return call(vl.textMethod(), "textMethod", sidecar, in.toArray(new NDArray[0]));
    }

    private static NDArray l2(NDArray x) {
        return x.div(x.norm(new int[] {1}, true).maximum(1e-12f));
    }

    private Path sidecarPath() {
        return TorchScriptSourceModel.sidecarOf(Path.of(origin));
    }

    public ModelCard card() {
        return card;
    }

    public float logitScale() {
        return card.visionLanguage().logitScale();
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public NDManager manager() {
        return model.getNDManager();
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    public String origin() {
        return origin;
    }

    /** The module (tests compare its weights before and after training). */
    public Block block() {
        return block;
    }

    /** Frozen weights of both encoders. */
    public long parameterCount() {
        return TorchScriptSourceModel.parameterCount(block);
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
