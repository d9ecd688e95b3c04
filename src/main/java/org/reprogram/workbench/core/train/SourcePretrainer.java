package org.reprogram.workbench.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.reprogram.workbench.core.AtomicFolder;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.IdxLoader;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.model.BuiltinSourceModel;
import org.reprogram.workbench.core.model.FashionCnn;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.Placement;

/**
 * The recipe of the built-in source model: trains {@link FashionCnn} on Fashion-MNIST (IDX,
 * 28x28 resized to 32x32) with Adam and writes weights.params, model.json and MODEL_CARD.md.
 */
public final class SourcePretrainer {

    public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * Options of the recipe.
     *
     * @param force replace an existing model folder OUT (else it is refused)
     */
    public record Options(Path data, Path out, int epochs, int batchSize, double lr, long seed, int side,
            boolean force) {

        /** Never replaces an existing model folder. */
        public Options(Path data, Path out, int epochs, int batchSize, double lr, long seed, int side) {
            this(data, out, epochs, batchSize, lr, seed, side, false);
        }
    }

    private SourcePretrainer() {}

    /**
     * Refuses OUT unless the model can be written there: an empty path, a file, or a folder with
     * files are refused; with FORCE a model folder (model.json or weights.params, e.g. the shipped
     * built-in model) may be replaced, never a folder of other files.
     */
    public static void requireWritable(Path out, boolean force) {
        if (out == null || out.toString().isBlank()) {
            throw new UserInputException("--out is empty. Fix: give the model folder to create, e.g. --out"
                    + " models/my-cnn");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw UserInputException.forFile(out, "is a file", "choose a folder for --out");
        }
        boolean empty;
        try (Stream<Path> files = Files.isDirectory(out) ? Files.list(out) : Stream.empty()) {
            empty = files.findAny().isEmpty();
        } catch (IOException e) {
            throw UserInputException.forFile(out, "cannot be read (" + e.getMessage() + ")", "choose another --out folder",
                    e);
        }
        if (empty) {
            return;
        }
        boolean model = Files.exists(out.resolve(BuiltinSourceModel.CARD_FILE))
                || Files.exists(out.resolve(BuiltinSourceModel.WEIGHTS_FILE));
        if (!model) {
            throw UserInputException.forFile(out, "is not empty and holds no model (no "
                    + BuiltinSourceModel.CARD_FILE + "); pretrain does not write over other files",
                    "choose a new or empty --out folder");
        }
        if (!force) {
            throw UserInputException.forFile(out, "already holds a model; pretrain does not overwrite it",
                    "pass --force to replace it (the new model is swapped in only once it is complete),"
                            + " or choose another --out folder, e.g. --out models/my-cnn");
        }
    }

    public static double run(Options o, Consumer<String> log) throws IOException {
        requireWritable(o.out(), o.force());
        TargetDataset ds = IdxLoader.load(o.data());
        Placement p = new Placement(1, o.side(), o.side(), o.side(), o.side());
        org.reprogram.workbench.core.train.CanvasSplit train = Experiment.place(ds.train(), p);
        org.reprogram.workbench.core.train.CanvasSplit test = Experiment.place(ds.test(), p);
        float mean = 0;
        double sq = 0;
        long values = 0;
        for (int i = 0; i < train.size(); i++) { // same order and float accumulation as over one big array
            for (float v : train.canvas(i)) {
                mean += v;
                sq += v * v;
            }
            values += train.imageSize();
        }
        mean /= values;
        float std = (float) Math.sqrt(sq / values - mean * mean);
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) o.seed());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            SequentialBlock net = FashionCnn.build(FASHION_CLASSES.size());
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, o.side(), o.side()));
            ParameterStore ps = new ParameterStore(manager, false);
            List<NDArray> params = new ArrayList<>();
            for (Pair<String, Parameter> pp : net.getParameters()) {
                if (pp.getValue().requiresGradient()) {
                    params.add(pp.getValue().getArray());
                }
            }
            AdamOptimizer adam = new AdamOptimizer(params, manager, 0);
            int n = train.size();
            int steps = (n + o.batchSize() - 1) / o.batchSize();
            BatchBuffer buf = new BatchBuffer(o.batchSize(), p.canvasSize());
            Random rnd = new Random(o.seed());
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                int[] order = FitLoop.permutation(n, rnd);
                double lossSum = 0;
                long t0 = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    int from = s * o.batchSize();
                    int to = Math.min(n, from + o.batchSize());
                    double lr = o.lr() * 0.5 * (1 + Math.cos(Math.PI * ((epoch - 1) * steps + s) / (o.epochs() * steps)));
                    try (NDManager scope = manager.newSubManager()) {
                        NDArray x = normalize(train.batch(scope, order, from, to, buf), mean, std);
                        NDArray y = scope.create(train.labels(order, from, to));
                        try (GradientCollector gc = org.reprogram.workbench.core.model.ThreadGradients.open()) {
                            NDArray loss = Losses.crossEntropy(net.forward(ps, new NDList(x), true).singletonOrThrow(), y);
                            gc.backward(loss);
                            lossSum += loss.getFloat() * (to - from);
                        }
                        adam.step(lr);
                    }
                }
                double acc = accuracy(net, ps, manager, test, p, mean, std);
                log.accept(String.format(java.util.Locale.ROOT, "pretrain epoch %d/%d  loss %.4f  test acc %.4f  (%.0f img/s)",
                        epoch, o.epochs(), lossSum / n, acc, n / ((System.nanoTime() - t0) / 1e9)));
            }
            double acc = accuracy(net, ps, manager, test, p, mean, std);
            String name = o.out().getFileName().toString();
            String cmd = "java -jar target/reprogram-workbench.jar pretrain --data " + o.data() + " --out " + o.out()
                    + " --epochs " + o.epochs() + " --batch-size " + o.batchSize() + " --lr " + o.lr() + " --seed " + o.seed();
            String description = FashionCnn.describe() + ". Trained on Fashion-MNIST (60000 train images, 28x28 resized"
                    + " to " + o.side() + "x" + o.side() + "), test accuracy " + String.format(java.util.Locale.ROOT, "%.4f", acc)
                    + " on the 10000 test images. Reproduce: " + cmd;
            ModelCard card = new ModelCard(name, new int[] {1, o.side(), o.side()}, FASHION_CLASSES, new float[] {mean},
                    new float[] {std}, description, acc, null);
            AtomicFolder.replace(o.out(), dir -> { // the old model stays until the new one is complete
                try (OutputStream os = new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve(BuiltinSourceModel.WEIGHTS_FILE)))) {
                    net.saveParameters(new DataOutputStream(os));
                }
                Json.write(dir.resolve(BuiltinSourceModel.CARD_FILE), card);
                Json.writeString(dir.resolve("MODEL_CARD.md"), markdown(card, cmd, o));
            });
            return acc;
        }
    }

    private static NDArray normalize(NDArray x, float mean, float std) {
        return x.sub(mean).div(std);
    }

    private static double accuracy(SequentialBlock net, ParameterStore ps, NDManager manager, org.reprogram.workbench.core.train.CanvasSplit test,
            Placement p, float mean, float std) {
        int correct = 0;
        int[] order = FitLoop.permutation(test.size(), null);
        BatchBuffer buf = new BatchBuffer(256, p.canvasSize());
        for (int from = 0; from < test.size(); from += 256) {
            int to = Math.min(test.size(), from + 256);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = normalize(test.batch(scope, order, from, to, buf), mean, std);
                int[] pred = net.forward(ps, new NDList(x), false).singletonOrThrow().argMax(1)
                        .toType(DataType.INT32, false).toIntArray();
                int[] labels = test.labels(order, from, to);
                for (int i = 0; i < pred.length; i++) {
                    correct += pred[i] == labels[i] ? 1 : 0;
                }
            }
        }
        return (double) correct / test.size();
    }

    private static String markdown(ModelCard c, String cmd, Options o) {
        return "# Model card: " + c.name() + "\n\n"
                + "- **Architecture**: " + FashionCnn.describe() + " (" + "DJL `SequentialBlock`, see `FashionCnn.java`)\n"
                + "- **Input**: [1, " + o.side() + ", " + o.side() + "] gray, pixel range [0, 1], normalised inside the"
                + " workbench with mean " + c.mean()[0] + ", std " + c.std()[0] + "\n"
                + "- **Classes** (10): " + String.join(", ", c.classNames()) + "\n"
                + "- **Training data**: Fashion-MNIST (Xiao et al. 2017, MIT licence), 60 000 training images from Debian's"
                + " `dataset-fashion-mnist`, 28x28 resized bilinearly to " + o.side() + "x" + o.side() + "\n"
                + "- **Recipe**: Adam, lr " + o.lr() + " with cosine decay, batch " + o.batchSize() + ", " + o.epochs()
                + " epochs, seed " + o.seed() + "\n"
                + "- **Test accuracy (measured)**: " + String.format(java.util.Locale.ROOT, "%.4f", c.testAccuracy())
                + " on the 10 000 Fashion-MNIST test images\n"
                + "- **Reproduce**: `" + cmd + "`\n\n"
                + "Used as a frozen source model: reprogramming never changes these weights.\n";
    }
}
