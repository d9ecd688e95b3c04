package org.reprogram.workbench.core.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.run.RunRecord;
import org.reprogram.workbench.core.train.BatchBuffer;
import org.reprogram.workbench.core.train.BatchScope;
import org.reprogram.workbench.core.train.CanvasSplit;
import org.reprogram.workbench.core.train.DeviceSelector;
import org.reprogram.workbench.core.train.SamplePages;
import org.reprogram.workbench.core.train.TrainingSnapshot;
import org.reprogram.workbench.core.train.TrainingThread;

/**
 * The sample gallery of a saved run, recomputed for any recorded epoch. Run folders keep, per
 * epoch, the program's picture (its perturbation and input scale) and the predicted target class
 * of every validation image, not the sample pictures (at a 224-px canvas those would cost
 * megabytes an epoch). An epoch's programmed inputs are rebuilt from its recorded perturbation
 * ({@code InputProgram.applyRecorded}, the same arithmetic as training) on the validation images
 * the live view picks ({@link SamplePages}); the frozen source model predicts their source class
 * again; the mapped target class is the one the run recorded at that epoch. The epoch of the saved
 * final state runs the program itself, so smm runs (whose masks come from a network not saved per
 * epoch) replay that epoch only. Not thread-safe; close it to free native memory.
 */
public final class ReplaySamples implements AutoCloseable {

    private final TrainedRun run;
    private final SourceModel source;
    private final ProgramAndMapping head;
    private final TargetDataset data;
    private final CanvasSplit validation;
    private final SamplePages pages;
    private final BatchBuffer buffer;

    private ReplaySamples(TrainedRun run, SourceModel source, ProgramAndMapping head, TargetDataset data,
            CanvasSplit validation) {
        this.run = run;
        this.data = data;
        this.source = source;
        this.head = head;
        this.validation = validation;
        this.pages = new SamplePages(validation.labels(), run.targetClasses().size());
        this.buffer = new BatchBuffer(pages.capacity(), head.placement().canvasSize());
    }

    /** Opens run folder RUN_DIR, reading its target folder again (with the run's seed). */
    public static ReplaySamples open(Path runDir) {
        RunRecord rec = TrainedRun.readRecord(runDir);
        TrainedRun run = TrainedRun.fromRecord(rec, StateChoice.FINAL);
        return open(rec, run, TargetDatasets.open(Path.of(run.config().data().target()), run.config().seed(),
                run.config().data().skipBadImages(), run.config().resources().dataMemoryBytes()));
    }

    /** Opens run folder RUN_DIR on DATA, the target dataset it was trained on (already loaded). */
    public static ReplaySamples open(Path runDir, TargetDataset data) {
        RunRecord rec = TrainedRun.readRecord(runDir);
        return open(rec, TrainedRun.fromRecord(rec, StateChoice.FINAL), data);
    }

    private static ReplaySamples open(RunRecord rec, TrainedRun run, TargetDataset data) {
        Path runDir = rec.dir();
        int[] indices = rec.info().validationIndices();
        if (indices == null || indices.length == 0) {
            throw UserInputException.forFile(runDir, "has no validation images, so it showed no samples",
                    "train with a validation share above 0 to see samples");
        }
        for (int i : indices) {
            if (i >= data.train().size()) {
                throw UserInputException.forFile(data.location(), "has fewer training images than when " + run.name()
                        + " was trained (it used image " + i + ")", "restore the target folder as it was");
            }
        }
        SourceModel source = run.openSource(DeviceSelector.select(run.config().resources().device()).device());
        try {
            ProgramAndMapping head = ProgramAndMapping.build(run, source.card(), source.manager());
            return new ReplaySamples(run, source, head, data, new CanvasSplit(data.train().subset(indices), head.placement()));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** The run's target dataset (its validation images are {@code train()} images). */
    public TargetDataset dataset() {
        return data;
    }

    /** The epoch of the saved final state (every program replays there). */
    public int stateEpoch() {
        return run.state().epoch();
    }

    /** Whether EPOCH's samples can be rebuilt from what the run folder holds ({@link #whyNot} says why not). */
    public boolean canReplay(TrainingSnapshot epoch) {
        return whyNot(epoch) == null;
    }

    /** Null when EPOCH can be replayed, else the reason in a sentence. */
    public String whyNot(TrainingSnapshot epoch) {
        if (epoch != null && epoch.epoch() == 0) {
            return "Before training no validation pass runs, so no predictions were recorded for this step: move the"
                    + " slider to epoch 1 or later to see the samples.";
        }
        if (epoch == null || epoch.validationPredictions() == null || epoch.perturbation() == null) {
            return "This step recorded no validation predictions, so its samples cannot be recomputed.";
        }
        if (epoch.epoch() != stateEpoch() && !head.program().recordDefinesProgram()) {
            return "An smm run saves its mask network for the final state only: move the slider to epoch "
                    + stateEpoch() + " to see its samples.";
        }
        return null;
    }

    /**
     * The samples of gallery page PAGE at recorded epoch-end snapshot EPOCH (with its validation
     * predictions), as the live view showed them; empty when {@link #canReplay} says no.
     */
    public List<TrainingSnapshot.SampleView> at(TrainingSnapshot epoch, int page) {
        List<TrainingSnapshot.SampleView> out = new ArrayList<>();
        int[] idx = pages.indices(page);
        if (!canReplay(epoch) || idx.length == 0) {
            return out;
        }
        TrainingThread.prepare(run.config().resources().threads());
        int size = head.placement().canvasSize();
        try (NDManager scope = BatchScope.open(head.manager(), head.arrays())) {
            NDArray x = validation.batch(scope, idx, 0, idx.length, buffer);
            boolean saved = epoch.epoch() == stateEpoch();
            NDArray programmed = saved ? head.program().apply(x)
                    : head.program().applyRecorded(x, epoch.perturbation(), epoch.inputScale());
            float[] masks = saved ? head.program().sampleMasks(x) : null;
            int[] ps = source.logits(programmed).argMax(1).toType(DataType.INT32, false).toIntArray();
            float[] img = programmed.clip(0f, 1f).toFloatArray();
            int[] truth = new int[idx.length];
            int[] target = new int[idx.length];
            for (int i = 0; i < idx.length; i++) {
                truth[i] = validation.label(idx[i]);
                target[i] = epoch.validationPredictions()[idx[i]]; // what the run recorded at that epoch
            }
            out.addAll(TrainingSnapshot.SampleView.ofBatch(idx, truth, img, masks, ps, target, size));
        }
        return out;
    }

    @Override
    public void close() {
        buffer.close();
        head.close();
        source.close();
    }
}
