package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;

/**
 * A DJL-built classifier shipped in {@code assets/models/NAME/} as {@code model.json} (its
 * card) and {@code weights.params}. All parameters are frozen; forward runs in inference mode
 * (BatchNorm uses running statistics) while the gradient still reaches the input.
 */
public final class BuiltinSourceModel extends AbstractSourceModel {

    public static final String CARD_FILE = "model.json";
    public static final String WEIGHTS_FILE = "weights.params";

    private final SequentialBlock block;
    private final ParameterStore parameterStore;

    private BuiltinSourceModel(ModelCard card, NDManager manager, SequentialBlock block, String origin) {
        super(card, manager, origin);
        this.block = block;
        this.parameterStore = new ParameterStore(manager, false);
    }

    /** Loads the model stored in DIR on DEVICE. */
    public static BuiltinSourceModel load(Path dir, Device device) {
        Path cardFile = dir.resolve(CARD_FILE);
        ModelCard card = Json.read(cardFile, ModelCard.class, "restore the file from the repository");
        Path weights = dir.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weights)) {
            throw UserInputException.forFile(weights, "weights file is missing",
                    "restore it from the repository or run the 'pretrain' command");
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            SequentialBlock block = FashionCnn.build(card.numClasses());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, card.channels(), card.height(), card.width()));
            try (InputStream in = new BufferedInputStream(Files.newInputStream(weights))) {
                block.loadParameters(manager, new DataInputStream(in));
            }
            block.freezeParameters(true);
            return new BuiltinSourceModel(card, manager, block, "builtin:" + card.name());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            manager.close();
            throw UserInputException.forFile(weights, "cannot load weights (" + e.getMessage() + ")",
                    "restore the file from the repository or re-run 'pretrain'", e);
        }
    }

    @Override
    protected NDArray forwardNormalized(NDArray normalized) {
        // training=false: BatchNorm in inference mode; gradients still flow to the input
        return block.forward(parameterStore, new NDList(normalized), false).singletonOrThrow();
    }

    /** The frozen network (tests compare its weights before and after training). */
    public SequentialBlock block() {
        return block;
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }
}
