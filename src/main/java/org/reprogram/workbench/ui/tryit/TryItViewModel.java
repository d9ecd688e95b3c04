package org.reprogram.workbench.ui.tryit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.predict.BundleExporter;
import org.reprogram.workbench.core.predict.ImageInputs;
import org.reprogram.workbench.core.predict.Prediction;
import org.reprogram.workbench.core.predict.Predictor;
import org.reprogram.workbench.core.predict.TrainedRun;
import org.reprogram.workbench.ui.common.ImageTile;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * "Try it" on a finished run (or a bundle): loads the reprogrammed classifier once in the
 * background, then classifies the images the user chooses or drops, showing per image the
 * programmed input, what the frozen source model saw and the target class with its probability;
 * "Export bundle" writes the run as one zip. All engine work runs through the {@link TaskExecutor},
 * one job at a time ({@link #busy}).
 */
public final class TryItViewModel implements AutoCloseable {

    /** Images classified per drop or choice; more are left out with a message (the CLI takes whole folders). */
    public static final int MAX_IMAGES = 200;

    /**
     * One classified image, as the view shows it.
     *
     * @param name the file's name
     * @param programmed the programmed input the source model saw (null on error)
     * @param target "7 · 91.2 %"
     * @param alternatives the next most probable target classes, "1 · 4.1 %  ·  9 · 2.0 %"
     * @param source "the model saw: Sneaker (87.0 %)"
     * @param error why the file could not be classified, else null
     * @param correct TRUE/FALSE when the image's folder names a target class, else null
     */
    public record Item(String name, ImageTile programmed, String target, String alternatives, String source,
            String error, Boolean correct) {}

    public final StringProperty title = new SimpleStringProperty("");
    public final StringProperty message = new SimpleStringProperty("");
    public final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(true);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final TaskExecutor executor;
    private final Path origin;
    private final Object lock = new Object();
    private Predictor predictor;
    private List<String> classes = List.of();
    private boolean closed;
    private final int threads;

    /** For the run folder or bundle ORIGIN; call {@link #load()} to open it. Computes with all available cores. */
    public TryItViewModel(TaskExecutor executor, Path origin) {
        this(executor, origin, 0);
    }

    /** As above, computing with THREADS PyTorch threads (0: the available cores; the window leaves one core to itself). */
    public TryItViewModel(TaskExecutor executor, Path origin, int threads) {
        this.executor = executor;
        this.origin = origin;
        this.threads = threads;
        title.set(origin.getFileName().toString());
    }

    /** True while the classifier loads or images are classified (the view disables its buttons). */
    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** True once the classifier is loaded. */
    public BooleanProperty ready() {
        return ready;
    }

    /** True when the run can be exported (a run folder; a bundle is one already). */
    public boolean canExport() {
        return Files.isDirectory(origin);
    }

    /** Where "Export bundle…" starts: the folder that holds the run (the runs folder), or null. */
    public Path exportFolder() {
        Path parent = origin.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : null;
    }

    /** Opens the classifier in the background; its state and recorded accuracy go into the title. */
    public void load() {
        busy.set(true);
        message.set("Loading " + origin.getFileName() + " …");
        executor.execute(() -> {
            synchronized (lock) {
                Predictor p = Predictor.open(origin, null, null, threads);
                if (closed) {
                    p.close();
                } else {
                    predictor = p;
                }
                return p.run();
            }
        }, run -> {
            busy.set(false);
            classes = run.targetClasses();
            ready.set(true);
            title.set(describe(run));
            message.set(String.join(" ", run.notices()).isEmpty() ? "Choose or drop images (or folders) to classify."
                    : String.join(" ", run.notices()));
        }, e -> {
            busy.set(false);
            message.set("Cannot try " + origin.getFileName() + ": " + e.getMessage());
        });
    }

    static String describe(TrainedRun run) {
        return run.name() + " · " + run.targetClasses().size() + " classes · " + run.describeState()
                + (Double.isNaN(run.testAccuracy()) ? "" : String.format(Locale.ROOT, " · test accuracy %.3f",
                        run.testAccuracy()));
    }

    /** Classifies FILES (folders are read recursively), in the background; the results are appended. */
    public void classify(List<Path> files) {
        if (!ready.get() || busy.get() || files.isEmpty()) {
            return;
        }
        busy.set(true);
        message.set("Classifying …");
        executor.execute(() -> {
            List<ImageInputs.Input> inputs = ImageInputs.expand(files, classes);
            List<ImageInputs.Input> taken = inputs.subList(0, Math.min(MAX_IMAGES, inputs.size()));
            synchronized (lock) {
                if (closed) {
                    return new Batch(List.of(), inputs.size());
                }
                return new Batch(predictor.predict(taken, 3, true), inputs.size());
            }
        }, batch -> {
            busy.set(false);
            List<Item> added = new ArrayList<>();
            batch.predictions().forEach(p -> added.add(item(p)));
            items.addAll(0, added); // newest first
            long failed = batch.predictions().stream().filter(p -> !p.ok()).count();
            message.set("Classified " + (batch.predictions().size() - failed) + " image"
                    + (batch.predictions().size() - failed == 1 ? "" : "s")
                    + (failed > 0 ? "; " + failed + " could not be read" : "")
                    + accuracy(batch.predictions())
                    + (batch.found() > MAX_IMAGES ? "; showing the first " + MAX_IMAGES + " of " + batch.found()
                            + " (the predict command takes whole folders)" : "") + ".");
        }, e -> {
            busy.set(false);
            message.set("Classifying failed: " + e.getMessage());
        });
    }

    /**
     * "; accuracy 8/10 (80.0 %) on the images in folders named like a target class" (as the predict
     * command prints it), or "" when no image's folder names a class.
     */
    static String accuracy(List<Prediction> predictions) {
        List<Prediction> known = predictions.stream().filter(p -> p.ok() && p.trueClass() >= 0).toList();
        if (known.isEmpty()) {
            return "";
        }
        long right = known.stream().filter(Prediction::correct).count();
        return String.format(Locale.ROOT, "; accuracy %d/%d (%.1f %%) on the images in folders named like a target class",
                right, known.size(), 100.0 * right / known.size());
    }

    private record Batch(List<Prediction> predictions, int found) {}

    static Item item(Prediction p) {
        String name = p.file() != null ? p.file().getFileName().toString() : p.name();
        if (!p.ok()) {
            return new Item(name, null, null, null, null, p.error(), null);
        }
        StringBuilder alt = new StringBuilder();
        for (Prediction.ClassScore s : p.top().subList(1, p.top().size())) {
            alt.append(alt.length() == 0 ? "" : "  ·  ").append(score(s.name(), s.probability()));
        }
        ImageTile tile = new ImageTile(p.programmed(), p.channels(), p.height(), p.width(), false, null, null);
        return new Item(name, tile, score(p.predictedName(), p.probability()), alt.toString(),
                "the source model saw: " + score(p.sourceName(), p.sourceProbability()), null,
                p.trueClass() < 0 ? null : p.correct());
    }

    private static String score(String name, double probability) {
        return String.format(Locale.ROOT, "%s · %.1f %%", name, 100 * probability);
    }

    public void clear() {
        items.clear();
    }

    /** Writes the run as a bundle to OUT (replacing it: the file chooser asked) in the background. */
    public void exportBundle(Path out) {
        if (!canExport() || busy.get()) {
            return;
        }
        busy.set(true);
        message.set("Exporting " + out.getFileName() + " …");
        executor.execute(() -> BundleExporter.export(origin, null, out, true), e -> {
            busy.set(false);
            message.set(String.format(Locale.ROOT, "Exported %s (%s, %.0f KB): predict with it anywhere.",
                    e.file(), e.run().describeState(), e.bytes() / 1024.0));
        }, e -> {
            busy.set(false);
            message.set("Export failed: " + e.getMessage());
        });
    }

    /** Frees the classifier (after a job that is still running). */
    @Override
    public void close() {
        executor.execute(() -> {
            synchronized (lock) {
                closed = true;
                if (predictor != null) {
                    predictor.close();
                    predictor = null;
                }
            }
            return null;
        }, x -> ready.set(false), e -> ready.set(false));
    }
}
