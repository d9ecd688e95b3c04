package org.reprogram.workbench.core.baseline;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.model.FashionCnn;
import org.reprogram.workbench.core.model.ModelCard;

/**
 * An unfrozen copy of a built-in model ({@link FashionCnn}): the pretrained weights read from
 * {@code weights.params} (the file is only read, never written), or fresh {@link ScratchInit}
 * weights. The last Linear (the source classifier) is skipped: the output is the 128-unit ReLU
 * layer, and only the layers before it are trained.
 */
final class BuiltinBackbone implements Backbone {

    private final ModelCard card;
    private final NDManager manager;
    private final SequentialBlock block;
    private final List<Block> featureBlocks;
    private final List<NDArray> parameters = new ArrayList<>();
    private final String origin;
    private final boolean pretrained;

    private BuiltinBackbone(ModelCard card, NDManager manager, SequentialBlock block, String origin, boolean pretrained) {
        this.card = card;
        this.manager = manager;
        this.block = block;
        this.origin = origin;
        this.pretrained = pretrained;
        List<Block> children = block.getChildren().values();
        this.featureBlocks = List.copyOf(children.subList(0, children.size() - 1));
        for (Block b : featureBlocks) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                Parameter.Type t = p.getValue().getType();
                if (t != Parameter.Type.RUNNING_MEAN && t != Parameter.Type.RUNNING_VAR) {
                    NDArray a = p.getValue().getArray();
                    a.setRequiresGradient(true);
                    parameters.add(a);
                }
            }
        }
    }

    /**
     * The model in DIR on DEVICE: pretrained weights when SCRATCHSEED is null, else fresh weights
     * drawn with that seed.
     */
    static BuiltinBackbone load(Path dir, Device device, Long scratchSeed) {
        ModelCard card = Json.read(dir.resolve(BuiltinSourceModel.CARD_FILE), ModelCard.class,
                "restore the file from the repository");
        Path weights = dir.resolve(BuiltinSourceModel.WEIGHTS_FILE);
        NDManager manager = NDManager.newBaseManager(device);
        try {
            SequentialBlock block = FashionCnn.build(card.numClasses());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, card.channels(), card.height(), card.width()));
            if (scratchSeed == null) {
                if (!Files.isRegularFile(weights)) {
                    throw UserInputException.forFile(weights, "weights file is missing",
                            "restore it from the repository or run the 'pretrain' command");
                }
                try (InputStream in = new BufferedInputStream(Files.newInputStream(weights))) {
                    block.loadParameters(manager, new DataInputStream(in));
                }
            } else {
                Random rnd = new Random(scratchSeed);
                for (Pair<String, Parameter> p : block.getParameters()) {
                    ScratchInit.reset(p.getValue(), rnd);
                }
            }
            return new BuiltinBackbone(card, manager, block, "builtin:" + card.name(), scratchSeed == null);
        } catch (UserInputException e) {
            manager.close();
            throw e;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            manager.close();
            throw UserInputException.forFile(weights, "cannot load weights (" + e.getMessage() + ")",
                    "restore the file from the repository or re-run 'pretrain'", e);
        }
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public NDArray forward(NDArray normalized, boolean training) {
        ParameterStore ps = new ParameterStore(normalized.getManager(), false);
        NDList h = new NDList(normalized);
        for (Block b : featureBlocks) {
            h = b.forward(ps, h, training);
        }
        return h.singletonOrThrow();
    }

    @Override
    public List<NDArray> parameters() {
        return parameters;
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    @Override
    public String mapping() {
        return "linear-head";
    }

    @Override
    public List<String> notices() {
        return pretrained ? List.of() : List.of("scratch: " + FashionCnn.describe() + " with fresh weights (Kaiming"
                + " normal conv/linear weights, zero biases, BatchNorm gamma 1, beta 0, running mean 0, variance 1)");
    }

    @Override
    public NDManager manager() {
        return manager;
    }

    @Override
    public String origin() {
        return origin;
    }

    /** The whole network, classifier included (tests compare weights). */
    SequentialBlock block() {
        return block;
    }

    @Override
    public void close() {
        manager.close();
    }
}
