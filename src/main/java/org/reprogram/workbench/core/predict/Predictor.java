package org.reprogram.workbench.core.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.DataMemory;
import org.reprogram.workbench.core.data.ImageDecoder;
import org.reprogram.workbench.core.data.RasterImage;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.BatchScope;
import org.reprogram.workbench.core.train.CanvasSplit;
import org.reprogram.workbench.core.train.DeviceSelector;
import org.reprogram.workbench.core.train.TrainingThread;

/**
 * A trained reprogrammed classifier applied to new images: the frozen source model, the run's
 * program and its label mapping with a learned state, opened from a run folder or a bundle.
 * Images go through exactly the evaluator's path (decoded and bounded as the dataset loader
 * does, placed on the canvas by {@link CanvasSplit}, batched with the run's evaluation batch size,
 * program, source, mapping, argmax), so predicting a run's test images reproduces its recorded
 * test accuracy. (An image's probabilities can differ in the last float bits with the batch it is
 * in, as libtorch picks kernels by batch size; a test folder is batched as the evaluator batched
 * it.) An unreadable image becomes a failed {@link Prediction}; the others go on.
 * Not thread-safe; close it to free native memory.
 */
public final class Predictor implements AutoCloseable {

    private final TrainedRun run;
    private final SourceModel source;
    private final ProgramAndMapping head;
    private final BatchBuffer buffer;
    private final int threads;

    private Predictor(TrainedRun run, SourceModel source, ProgramAndMapping head, int threads) {
        this.run = run;
        this.threads = threads;
        this.source = source;
        this.head = head;
        this.buffer = new BatchBuffer(run.evalBatchSize(), head.placement().canvasSize());
    }

    /**
     * Opens a run folder or a bundle file. CHOICE picks a run folder's state (null: best when it has
     * one); a bundle holds one state and refuses another. DEVICE is auto, cpu or gpu (null: the run's).
     * Computes with all available cores; see {@link #open(Path, StateChoice, String, int)}.
     */
    public static Predictor open(Path runOrBundle, StateChoice choice, String device) {
        return open(runOrBundle, choice, device, 0);
    }

    /** As {@link #open(Path, StateChoice, String)}, computing with THREADS PyTorch threads (0: the available cores). */
    public static Predictor open(Path runOrBundle, StateChoice choice, String device, int threads) {
        if (Files.isDirectory(runOrBundle)) {
            return open(TrainedRun.fromRunDir(runOrBundle, choice), device, threads);
        }
        try (BundleReader.Unpacked bundle = BundleReader.unpack(runOrBundle)) {
            TrainedRun run = bundle.run();
            if (choice != null && choice != run.choice()) {
                throw UserInputException.forFile(runOrBundle, "the bundle holds the " + run.describeState()
                        + " only, not the " + choice.id() + " state", "leave out --state, or export the run again"
                        + " with --state " + choice.id());
            }
            try {
                return open(run, device, threads); // the model is in memory once loaded: the unpacked copy can go
            } catch (UserInputException e) {
                throw BundleReader.inBundle(runOrBundle, bundle.dir(), e);
            }
        }
    }

    /** Loads RUN's source model on DEVICE and rebuilds its program and mapping (all available cores compute). */
    public static Predictor open(TrainedRun run, String device) {
        return open(run, device, 0);
    }

    /** As {@link #open(TrainedRun, String)}, computing with THREADS PyTorch threads (0: the available cores). */
    public static Predictor open(TrainedRun run, String device, int threads) {
        SourceModel source = run.openSource(DeviceSelector.select(device == null ? run.config().resources().device()
                : device).device());
        try {
            return new Predictor(run, source, ProgramAndMapping.build(run, source.card(), source.manager()), threads);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    public TrainedRun run() {
        return run;
    }

    /** Canvas geometry: the shape of {@link Prediction#programmed()}. */
    public Placement placement() {
        return head.placement();
    }

    public List<String> targetClasses() {
        return run.targetClasses();
    }

    public List<String> sourceClasses() {
        return source.card().classNames();
    }

    /** Predicts every input, in order; TOPK target classes per image (1..K_t); PROGRAMMED keeps the inputs. */
    public List<Prediction> predict(List<ImageInputs.Input> inputs, int topK, boolean programmed) {
        List<Prediction> all = new ArrayList<>();
        predict(inputs, topK, programmed, all::addAll);
        return all;
    }

    /**
     * As {@link #predict(List, int, boolean)}, handing each finished batch (in input order) to SINK
     * as soon as it is done: a long folder shows progress, and SINK may throw to stop (cancel).
     */
    public void predict(List<ImageInputs.Input> inputs, int topK, boolean programmed, Consumer<List<Prediction>> sink) {
        TrainingThread.prepare(threads);
        List<Prediction> window = new ArrayList<>();
        List<RasterImage> images = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (ImageInputs.Input in : inputs) {
            String name = in.file().toString();
            if (in.problem() != null) {
                window.add(Prediction.failed(in.file(), name, in.trueClass(), in.problem()));
                continue;
            }
            try {
                images.add(ImageDecoder.read(in.file()).bounded(DataMemory.MAX_SIDE)); // as the dataset loader
            } catch (RuntimeException e) {
                window.add(Prediction.failed(in.file(), name, in.trueClass(), e.getMessage()));
                continue;
            }
            slots.add(window.size());
            window.add(Prediction.failed(in.file(), name, in.trueClass(), null)); // filled by the batch
            if (images.size() == run.evalBatchSize()) {
                flush(window, images, slots, topK, programmed, sink);
            }
        }
        flush(window, images, slots, topK, programmed, sink);
    }

    /** One image held in memory (a drawing), named NAME; its programmed input is kept. */
    public Prediction predict(String name, RasterImage image, int topK) {
        TrainingThread.prepare(threads);
        List<Prediction> window = new ArrayList<>(List.of(Prediction.failed(null, name, -1, null)));
        List<Prediction> out = new ArrayList<>();
        flush(window, new ArrayList<>(List.of(image.bounded(DataMemory.MAX_SIDE))), new ArrayList<>(List.of(0)), topK,
                true, out::addAll);
        return out.get(0);
    }

    private void flush(List<Prediction> window, List<RasterImage> images, List<Integer> slots, int topK,
            boolean programmed, Consumer<List<Prediction>> sink) {
        if (!images.isEmpty()) {
            Prediction[] done = forward(images, slots.stream().map(window::get).toList(), topK, programmed);
            for (int i = 0; i < done.length; i++) {
                window.set(slots.get(i), done[i]);
            }
        }
        if (!window.isEmpty()) {
            sink.accept(List.copyOf(window));
        }
        window.clear();
        images.clear();
        slots.clear();
    }

    /** The evaluator's forward pass over one batch. */
    private Prediction[] forward(List<RasterImage> images, List<Prediction> slots, int topK, boolean keep) {
        int n = images.size();
        int[] labels = new int[n]; // unused by the forward pass
        CanvasSplit canvases = new CanvasSplit(new Split(images, labels), head.placement());
        Placement p = head.placement();
        int size = p.canvasSize();
        Prediction[] out = new Prediction[n];
        try (NDManager scope = BatchScope.open(head.manager(), head.arrays())) {
            NDArray x = canvases.batch(scope, canvases.identityOrder(), 0, n, buffer);
            NDArray programmedInput = head.program().apply(x);
            NDArray src = source.logits(programmedInput);
            NDArray tgt = head.mapping().apply(src);
            int[] ps = src.argMax(1).toType(DataType.INT32, false).toIntArray();
            int[] pt = tgt.argMax(1).toType(DataType.INT32, false).toIntArray();
            float[] sp = src.softmax(1).toFloatArray();
            float[] tp = tgt.softmax(1).toFloatArray();
            float[] img = keep ? programmedInput.clip(0f, 1f).toFloatArray() : null;
            int ks = source.card().numClasses();
            int kt = run.targetClasses().size();
            for (int i = 0; i < n; i++) {
                Prediction slot = slots.get(i);
                float[] mine = img == null ? null : Arrays.copyOfRange(img, i * size, (i + 1) * size);
                out[i] = new Prediction(slot.file(), slot.name(), slot.trueClass(),
                        top(Arrays.copyOfRange(tp, i * kt, (i + 1) * kt), pt[i], topK), ps[i],
                        source.card().classNames().get(ps[i]), sp[i * ks + ps[i]], p.channels(), p.height(), p.width(),
                        mine, null);
            }
        }
        return out;
    }

    /** The argmax class first (the evaluator's prediction, even on a rounding tie), then by probability. */
    private List<Prediction.ClassScore> top(float[] probs, int argmax, int k) {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < probs.length; t++) {
            if (t != argmax) {
                order.add(t);
            }
        }
        order.sort((a, b) -> Float.compare(probs[b], probs[a]));
        order.add(0, argmax);
        List<Prediction.ClassScore> out = new ArrayList<>();
        for (int t : order.subList(0, Math.max(1, Math.min(k, probs.length)))) {
            out.add(new Prediction.ClassScore(t, run.targetClasses().get(t), probs[t]));
        }
        return List.copyOf(out);
    }

    @Override
    public void close() {
        buffer.close();
        head.close();
        source.close();
    }
}
