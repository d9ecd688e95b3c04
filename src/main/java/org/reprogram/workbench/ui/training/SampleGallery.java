package org.reprogram.workbench.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.predict.ReplaySamples;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The Samples panel's model: one card per target class of the page shown (target image ->
 * programmed input -> prediction), the sentence above the cards, and the pages. While a run
 * trains the cards come with the engine's snapshots. In replay they are recomputed in the
 * background from the run folder ({@link ReplaySamples}: the epoch's saved program over the run's
 * validation images, with the predictions it recorded), newest request winning.
 */
public final class SampleGallery {

    static final String HINT_REPLAYING = "Recomputing this epoch's samples from the run folder …";

    public final ObservableList<GalleryItem> items = FXCollections.observableArrayList();
    public final StringProperty hint = new SimpleStringProperty(SampleViews.HINT);
    public final GalleryPaging paging = new GalleryPaging();

    private final TaskExecutor executor;
    private List<TrainingSnapshot.SampleView> shownSamples;
    private int shownPage = -1;
    /** The replayed run's recomputation (null while live or before a replay); its own lock. */
    private Replay replay;
    private long request;

    SampleGallery(TaskExecutor executor) {
        this.executor = executor;
    }

    /** A training starts: cards come from its snapshots; REQUEST asks the engine for a page. */
    void startLive(int classes, IntConsumer pageRequest) {
        closeReplay();
        shownSamples = null;
        paging.reset(classes, pageRequest);
    }

    /** A saved run is shown: its cards are recomputed from RUN_DIR (on DATA when it is its target, else read again). */
    void startReplay(Path runDir, int classes, TargetDataset data) {
        closeReplay();
        shownSamples = null;
        paging.reset(classes, p -> { });
        replay = runDir == null ? null : new Replay(runDir, data);
    }

    /** Shows snapshot S (null: nothing yet) of a run with INFO; DATA gives the target images (null: none). */
    void show(TrainingSnapshot s, RunInfo info, TargetDataset data, boolean running) {
        if (!running && replay != null && s != null && s.samples().isEmpty()) {
            replay(s, info);
            return;
        }
        // the engine refreshes the samples at most once a second and repeats them in between: the
        // cards are rebuilt only when their samples or the page changed (live-view budget)
        List<TrainingSnapshot.SampleView> samples = s == null ? null : s.samples();
        if (!sameSamples(samples, shownSamples) || paging.page().get() != shownPage) {
            shownSamples = samples;
            shownPage = paging.page().get();
            setCards(s, info, data);
        }
        hint.set(items.isEmpty() && s != null && s.samples().isEmpty() ? SampleViews.HINT_NOT_SAVED
                : items.isEmpty() && s != null ? (running ? SampleViews.HINT_NEXT_PAGE : SampleViews.HINT_PAGE_NOT_TAKEN)
                : cardsHint());
    }

    /** The same sample views (identity) in the same order: a repeated, not a refreshed, gallery. */
    static boolean sameSamples(List<TrainingSnapshot.SampleView> a, List<TrainingSnapshot.SampleView> b) {
        if (a == null || b == null || a.size() != b.size() || a.isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void setCards(TrainingSnapshot s, RunInfo info, TargetDataset data) {
        List<GalleryItem> all = SampleViews.gallery(s, info, data);
        int[] truth = s == null ? new int[0] : s.samples().stream().mapToInt(TrainingSnapshot.SampleView::trueTarget)
                .toArray();
        items.setAll(paging.onPage(all, truth));
    }

    private String cardsHint() {
        return items.stream().anyMatch(g -> g.mask() != null) ? SampleViews.HINT_MASKS : SampleViews.HINT;
    }

    private void replay(TrainingSnapshot s, RunInfo info) {
        Replay r = replay;
        int page = paging.page().get();
        long mine = ++request;
        shownSamples = null;
        hint.set(HINT_REPLAYING);
        executor.execute(() -> r.samples(s, page), samples -> {
            if (mine != request || r != replay) {
                return; // the slider or the page moved on, or another run is shown
            }
            items.clear();
            if (samples.whyNot() != null) {
                hint.set(samples.whyNot());
                return;
            }
            setCards(s.withSamples(samples.views()), info, samples.data());
            hint.set(cardsHint());
        }, e -> {
            if (mine == request && r == replay) {
                items.clear();
                hint.set("The samples cannot be recomputed: " + (e instanceof UserInputException
                        ? Fields.words(e.getMessage()) : e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        });
    }

    /** Frees the replayed run's model and program (off the UI thread); the panel empties. */
    void closeReplay() {
        Replay r = replay;
        replay = null;
        request++;
        items.clear();
        if (r != null) {
            executor.execute(() -> {
                r.close(); // waits for a recomputation still running, off the UI thread
                return null;
            }, x -> { }, e -> { });
        }
    }

    /** An epoch's recomputed samples (or why there are none) and the dataset holding their target images. */
    private record Recomputed(List<TrainingSnapshot.SampleView> views, String whyNot, TargetDataset data) {}

    /** One replayed run: its source model and program, opened at the first request. */
    private static final class Replay {
        private final Path runDir;
        private final TargetDataset data;
        private ReplaySamples samples;
        private boolean closed;

        Replay(Path runDir, TargetDataset data) {
            this.runDir = runDir;
            this.data = data;
        }

        /** The samples of page PAGE at epoch S, or why the run folder cannot replay that epoch. */
        synchronized Recomputed samples(TrainingSnapshot s, int page) {
            if (closed) {
                return new Recomputed(List.of(), null, null);
            }
            if (samples == null) {
                samples = data != null ? ReplaySamples.open(runDir, data) : ReplaySamples.open(runDir);
            }
            String why = samples.whyNot(s);
            return new Recomputed(why == null ? samples.at(s, page) : List.of(), why, samples.dataset());
        }

        synchronized void close() {
            closed = true;
            if (samples != null) {
                samples.close();
            }
        }
    }
}
