package org.reprogram.workbench.ui.setup;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.data.TestSplits;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ImageTile;
import org.reprogram.workbench.ui.common.TaskExecutor;

/** Reads the target folder in the background (newest request wins) and prepares its preview. */
public final class DatasetLoader {

    static final int PREVIEW_PER_CLASS = 4;
    static final int PREVIEW_CLASSES = 12;

    final StringProperty target = new SimpleStringProperty("");
    final ObjectProperty<TargetDataset> dataset = new SimpleObjectProperty<>();
    final StringProperty error = new SimpleStringProperty("");
    final StringProperty summary = new SimpleStringProperty("");
    final BooleanProperty loading = new SimpleBooleanProperty();
    final ObservableList<ImageTile> preview = FXCollections.observableArrayList();
    private final TaskExecutor executor;
    private long generation;

    DatasetLoader(TaskExecutor executor) {
        this.executor = executor;
    }

    void load(String dir, long seed, boolean skipBad) {
        long gen = ++generation;
        if (running != null) {
            running.cancel(); // a large folder is still being read: stop it, the newest request wins
            running = null;
        }
        dataset.set(null);
        error.set("");
        summary.set("");
        preview.clear();
        if (dir == null || dir.isBlank()) {
            loading.set(false);
            return;
        }
        loading.set(true);
        summary.set("Reading " + dir + " …");
        Worker worker = new Worker();
        running = worker;
        executor.execute(() -> worker.run(() -> open(dir, seed, skipBad)), loaded -> {
            if (gen == generation) {
                summary.set(loaded.summary());
                preview.setAll(loaded.tiles());
                dataset.set(loaded.dataset());
                loading.set(false);
            }
        }, e -> {
            if (gen == generation) {
                summary.set("");
                error.set(e instanceof UserInputException || e instanceof InvalidPathException ? Fields.words(e.getMessage())
                        : dir + ": cannot read (" + e + ")");
                loading.set(false);
            }
        });
    }

    /**
     * The seed changed: a folder whose test split is drawn by seed is re-split in memory (nothing is
     * read again, the preview keeps its size, nothing on the form moves); other folders do not
     * depend on the seed. Read again only while a read is under way (it used the old seed).
     */
    void reseed(String dir, long seed, boolean skipBad) {
        TargetDataset d = dataset.get();
        if (d != null && !loading.get()) {
            TargetDataset r = TestSplits.reseed(d, seed);
            if (r == d) {
                return;
            }
            if (r != null) {
                dataset.set(r);
                preview.setAll(tiles(r));
                summary.set(summary(r));
                return;
            }
        }
        if (loading.get() || d != null) {
            load(dir, seed, skipBad);
        }
    }

    private record Loaded(TargetDataset dataset, String summary, List<ImageTile> tiles) {}

    private Worker running;

    /** The thread reading one folder, interrupted (loaders check between images) when the user picks another. */
    private static final class Worker {
        private Thread thread;
        private boolean cancelled;

        <T> T run(java.util.concurrent.Callable<T> work) throws Exception {
            synchronized (this) {
                if (cancelled) {
                    throw new java.util.concurrent.CancellationException("superseded");
                }
                thread = Thread.currentThread();
            }
            try {
                return work.call();
            } finally {
                synchronized (this) {
                    thread = null;
                    Thread.interrupted(); // the pooled thread must not carry the flag into its next job
                }
            }
        }

        synchronized void cancel() {
            cancelled = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    private static Loaded open(String dir, long seed, boolean skipBad) {
        TargetDataset d = TargetDatasets.open(Path.of(dir), seed, skipBad);
        return new Loaded(d, summary(d), tiles(d));
    }

    static String summary(TargetDataset d) {
        int[] counts = d.train().classCounts(d.numClasses());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s (%s): %d classes, %d train / %d test%s%n",
                d.name(), d.format(), d.numClasses(), d.train().size(), d.test().size(),
                d.testFromTrain() ? " (test split off by seed)" : ""));
        sb.append("images ").append(d.storage()).append(System.lineSeparator());
        sb.append("train images per class: ");
        for (int c = 0; c < counts.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(d.classNames().get(c)).append(" ").append(counts[c]);
        }
        if (d.skippedNotice() != null) {
            sb.append(System.lineSeparator()).append(Character.toUpperCase(d.skippedNotice().charAt(0)))
                    .append(d.skippedNotice().substring(1));
        }
        return sb.toString();
    }

    /** Up to PREVIEW_PER_CLASS training images for each of the first PREVIEW_CLASSES classes, class by class. */
    static List<ImageTile> tiles(TargetDataset d) {
        int classes = Math.min(d.numClasses(), PREVIEW_CLASSES);
        List<List<ImageTile>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        int[] labels = d.train().labels();
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c < classes && byClass.get(c).size() < PREVIEW_PER_CLASS) {
                byClass.get(c).add(ImageTile.of(d.train().images().get(i), d.classNames().get(c), null));
            }
        }
        List<ImageTile> out = new ArrayList<>();
        byClass.forEach(out::addAll);
        return out;
    }
}
