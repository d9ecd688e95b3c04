package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * A user's TorchScript classifier ({@code model.pt}) with its sidecar {@code model.pt.json}
 * ({@code inputShape}, {@code classNames}, optional {@code mean}/{@code std}). Loaded with
 * trainable-parameter support so autograd can reach the input, then frozen and switched to
 * eval mode (see notes/djl-pytorch.md). Validated by one dry forward pass.
 */
public final class TorchScriptSourceModel extends AbstractSourceModel {

    private static final String SIDECAR_FIX =
            "write a sidecar like {\"inputShape\": [3, 32, 32], \"classNames\": [\"cat\", ...],"
                    + " \"mean\": [...], \"std\": [...]} next to the .pt file";

    private final Model model;
    private final Block block;
    private final ParameterStore parameterStore;

    private TorchScriptSourceModel(ModelCard card, Model model, String origin) {
        super(card, model.getNDManager(), origin);
        this.model = model;
        this.block = model.getBlock();
        this.parameterStore = new ParameterStore(model.getNDManager(), false);
    }

    /** Smallest std accepted: inputs scaled up by more than 10,000 are a typo (0.0 for 0.2, ...), not a model. */
    static final float MIN_STD = 1e-4f;

    /**
     * A finite mean, a finite std of at least {@link #MIN_STD}: a NaN, infinite or near-zero value
     * made every normalised pixel NaN or huge, and the run failed later with "lower the learning rate".
     */
    private static void checkNormalisation(Path sidecar, String field, int i, float v, boolean std) {
        if (Float.isNaN(v) || Float.isInfinite(v) || (std && !(v >= MIN_STD))) {
            throw UserInputException.forFile(sidecar, "\"" + field + "\"[" + i + "] is " + v + (std && !Float.isNaN(v)
                    && !Float.isInfinite(v) ? " (at least " + MIN_STD + " is needed: the input is divided by it)" : "")
                    + ": every normalised pixel would be " + (std ? "NaN or huge" : "NaN or infinite"),
                    "give the per-channel " + field + " the model was trained with (e.g. ImageNet's \"mean\": [0.485,"
                    + " 0.456, 0.406], \"std\": [0.229, 0.224, 0.225]), or leave out both if the model normalises itself");
        }
    }

    public static Path sidecarOf(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".json");
    }

    /** Reads and checks the sidecar of MODELFILE (no model loading). */
    public static ModelCard readSidecar(Path modelFile) {
        Path sidecar = sidecarOf(modelFile);
        if (!Files.isRegularFile(sidecar)) {
            throw UserInputException.forFile(sidecar, "sidecar file is missing", SIDECAR_FIX);
        }
        if (org.reprogram.workbench.core.model.VisionLanguageSidecar.declares(sidecar)) {
            return org.reprogram.workbench.core.model.VisionLanguageSidecar.read(modelFile, sidecar);
        }
        ModelCard raw = Json.read(sidecar, ModelCard.class, SIDECAR_FIX);
        int[] shape = raw.inputShape();
        if (shape == null || shape.length != 3 || Arrays.stream(shape).anyMatch(v -> v <= 0)) {
            throw UserInputException.forFile(sidecar, "\"inputShape\" must be three positive numbers [C, H, W], got "
                    + Arrays.toString(shape), SIDECAR_FIX);
        }
        if (shape[0] != 1 && shape[0] != 3) {
            throw UserInputException.forFile(sidecar, "\"inputShape\" channels must be 1 or 3, got " + shape[0],
                    SIDECAR_FIX);
        }
        if (raw.classNames() == null || raw.classNames().size() < 2) {
            throw UserInputException.forFile(sidecar, "\"classNames\" must list at least two classes", SIDECAR_FIX);
        }
        if ((raw.mean() == null) != (raw.std() == null)) {
            throw UserInputException.forFile(sidecar, "give both \"mean\" and \"std\" or neither", SIDECAR_FIX);
        }
        if (raw.mean() != null && (raw.mean().length != shape[0] || raw.std().length != shape[0])) {
            throw UserInputException.forFile(sidecar, "\"mean\" and \"std\" need one value per channel ("
                    + shape[0] + ")", SIDECAR_FIX);
        }
        for (int i = 0; i < raw.classNames().size(); i++) {
            String c = raw.classNames().get(i);
            if (c == null || c.isBlank()) {
                throw UserInputException.forFile(sidecar, "\"classNames\"[" + i + "] is " + (c == null ? "null" : "blank")
                        + "", "give every class a name, e.g. \"classNames\": [\"cat\", \"dog\", ...]");
            }
        }
        if (raw.std() != null) {
            for (int i = 0; i < raw.std().length; i++) {
                checkNormalisation(sidecar, "mean", i, raw.mean()[i], false);
                checkNormalisation(sidecar, "std", i, raw.std()[i], true);
            }
        }
        String name = modelFile.getFileName().toString().replaceFirst("\\.pt$", "");
        String description = raw.description() != null ? raw.description() : "TorchScript model " + modelFile;
        String features = raw.featuresMethod();
        if (features != null && !features.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw UserInputException.forFile(sidecar, "\"featuresMethod\" must be the name of a method of the module,"
                    + " got '" + features + "'", "write e.g. \"featuresMethod\": \"features\"");
        }
        return new ModelCard(name, shape, raw.classNames(), raw.mean(), raw.std(), description, raw.testAccuracy(),
                features);
    }

    public static TorchScriptSourceModel load(Path modelFile, Device device) {
        if (!Files.isRegularFile(modelFile)) {
            throw UserInputException.forFile(modelFile, "model file not found",
                    "give the path of a TorchScript .pt file (torch.jit.save) or 'builtin'");
        }
        ModelCard card = readSidecar(modelFile);
        if (card.isVisionLanguage()) {
            throw UserInputException.forFile(sidecarOf(modelFile), "declares a vision-language model: its classes are"
                    + " the prompts of a text label mapping", "choose --mapping text, text-ilm, text-blm or descriptions");
        }
        Model model = Model.newInstance(card.name(), device, "PyTorch");
        try {
            model.load(modelFile, null, Map.of("trainParam", "true"));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw UserInputException.forFile(modelFile, "is not a loadable TorchScript model (" + firstLine(e) + ")",
                    "save it with torch.jit.save(torch.jit.trace(model.eval(), example), path)", e);
        }
        TorchScriptSourceModel source = new TorchScriptSourceModel(card, model, modelFile.toString());
        try {
            source.freezeAndValidate();
        } catch (RuntimeException e) {
            source.close();
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw UserInputException.forFile(sidecarOf(modelFile), "the model rejects input of shape [1, "
                    + card.channels() + ", " + card.height() + ", " + card.width() + "] (" + firstLine(e) + ")",
                    "set \"inputShape\" in the sidecar to the shape the model was traced with", e);
        }
        return source;
    }

    private void freezeAndValidate() {
        block.freezeParameters(true);
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.zeros(new Shape(1, card.channels(), card.height(), card.width()));
            // one forward with training=true first (DJL flips the module to train mode), then eval()
            NDArray out = logitsOf(block.forward(parameterStore, new NDList(x), true), Path.of(origin()));
            JniUtils.enableInferenceMode((PtSymbolBlock) block);
            Shape s = out.getShape();
            if (s.dimension() != 2 || s.get(0) != 1 || s.get(1) != card.numClasses()) {
                throw new UserInputException(sidecarOf(Path.of(origin())) + ": the model outputs shape " + s
                        + " but the sidecar lists " + card.numClasses() + " classNames. Fix: list exactly one"
                        + " class name per output logit");
            }
        }
    }

    /**
     * The one logits tensor of a forward pass OUT of MODELFILE's module; a module that returns a
     * tuple (e.g. logits and features) is refused with what to change (before: a misleading "set
     * inputShape", because the shape check caught DJL's "not a singleton").
     */
    static NDArray logitsOf(NDList out, Path modelFile) {
        if (out.size() != 1) {
            throw UserInputException.forFile(modelFile, "the model returns " + out.size() + " outputs (a tuple or"
                    + " list), not one logits tensor [N, classes]", "export a module whose forward returns only the"
                    + " logits, e.g. wrap it: def forward(self, x): return self.net(x)[0]");
        }
        return out.get(0);
    }

    @Override
    protected NDArray forwardNormalized(NDArray normalized) {
        // always training=true: DJL keeps the module in the eval() mode set above, and the output
        // keeps its grad_fn (with training=false it would not).
        return block.forward(parameterStore, new NDList(normalized), true).singletonOrThrow();
    }

    @Override
    public long parameterCount() {
        return parameterCount(block);
    }

    /** The weights of a loaded TorchScript module (frozen or not). */
    static long parameterCount(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().getArray() != null) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    public Block block() {
        return block;
    }

    /** The first line of E's message (libtorch's messages carry a C++ stack trace after it). */
    static String firstLine(Throwable e) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return nl > 0 ? msg.substring(0, nl) : msg;
    }

    @Override
    public void close() {
        model.close();
    }
}
