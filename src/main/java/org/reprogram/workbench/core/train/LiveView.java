package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.program.Placement;

/**
 * The live view of a reprogramming run as a {@link FitCallback}: a {@link TrainingSnapshot} at the
 * start, at most every snapshot interval during an epoch, and at every epoch end, with the sample
 * images of the page the view asks for ({@link TrainingControl#samplePage()}) from the validation
 * split (the training split without one). Its sample forward passes count as evaluation queries.
 */
final class LiveView implements FitCallback<Checkpoint>, AutoCloseable {

    /**
     * Mid-epoch snapshots recompute the sample gallery (a forward pass over up to 24 images, counted
     * as queries) at most once a second; the program and mapping in between are always current. The
     * live view's budget: a few program pictures a second, one gallery refresh a second.
     */
    static final long SAMPLE_REFRESH_NANOS = 1_000_000_000L;

    private final Experiment exp;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final long snapshotIntervalNanos;
    private final CanvasSplit monitor;
    private final SamplePages samplePages;
    private final BatchBuffer sampleBuffer;
    private long lastSnapshot;
    private List<TrainingSnapshot.SampleView> lastSamples = List.of();
    private long lastSamplesNanos;
    private int lastSamplePage = -1;

    LiveView(Experiment exp, TrainingListener listener, TrainingControl control, long snapshotIntervalMillis) {
        this.exp = exp;
        this.listener = listener;
        this.control = control;
        this.snapshotIntervalNanos = snapshotIntervalMillis * 1_000_000L;
        this.monitor = exp.validation().size() > 0 ? exp.validation() : exp.train();
        this.samplePages = new SamplePages(monitor.labels(), exp.mapping().targetClasses());
        this.sampleBuffer = new BatchBuffer(samplePages.capacity(), exp.placement().canvasSize());
    }

    @Override
    public void onFitStart(FitState<Checkpoint> s) {
        long[] before = s.queries();
        listener.onSnapshot(snapshot(s, s.epochsDone(), false, null, null, null));
        if (s.resumed()) { // the resumed run's first picture is a query the uninterrupted run never made
            s.setQueries(before);
        }
        lastSnapshot = System.nanoTime();
    }

    @Override
    public void afterBatch(FitState<Checkpoint> s) {
        if (snapshotIntervalNanos > 0 && System.nanoTime() - lastSnapshot >= snapshotIntervalNanos) {
            listener.onSnapshot(snapshot(s, s.epoch(), false, null, null, null));
            lastSnapshot = System.nanoTime();
        }
    }

    @Override
    public void afterEpoch(FitState<Checkpoint> s, EpochMetrics metrics, Evaluator.Result validation) {
        listener.onSnapshot(snapshot(s, s.epoch(), true, validation.confusion(), metrics, validation.predictions()));
    }

    @Override
    public void onFitEnd(FitState<Checkpoint> s) {
        close();
    }

    @Override
    public void close() {
        sampleBuffer.close();
    }

    /** A snapshot of the current state, with the sample images of the page the control asks for. */
    private TrainingSnapshot snapshot(FitState<Checkpoint> s, int epoch, boolean epochEnd, int[][] confusion,
            EpochMetrics metrics, int[] validationPredictions) {
        int page = control.samplePage();
        Placement p = exp.placement();
        boolean fresh = epochEnd || lastSamples.isEmpty() || page != lastSamplePage // a turned page shows at once
                || System.nanoTime() - lastSamplesNanos >= SAMPLE_REFRESH_NANOS;
        List<TrainingSnapshot.SampleView> samples = fresh ? samples(s, samplePages.indices(page)) : lastSamples;
        if (fresh) {
            lastSamples = samples;
            lastSamplesNanos = System.nanoTime();
            lastSamplePage = page;
        }
        return new TrainingSnapshot(epoch, s.step(), epochEnd, p.channels(), p.height(), p.width(),
                exp.program().perturbation(), exp.program().signedPerturbation(), exp.program().inputScale(),
                exp.mapping().weights(), exp.mapping().assignment(), samples, confusion, metrics,
                validationPredictions);
    }

    /** The monitor split's images SAMPLEIDX through the program, source and mapping (one query each). */
    private List<TrainingSnapshot.SampleView> samples(FitState<Checkpoint> s, int[] sampleIdx) {
        if (sampleIdx.length == 0) {
            return List.of();
        }
        List<TrainingSnapshot.SampleView> samples = new ArrayList<>();
        try (NDManager scope = BatchScope.open(exp)) {
            NDArray x = monitor.batch(scope, sampleIdx, 0, sampleIdx.length, sampleBuffer);
            NDArray programmed = exp.program().apply(x);
            NDArray src = exp.source().logits(programmed);
            s.addQueries(FitState.EVALUATION, sampleIdx.length);
            float[] masks = exp.program().sampleMasks(x);
            int[] ps = src.argMax(1).toType(DataType.INT32, false).toIntArray();
            int[] pt = exp.mapping().apply(src).argMax(1).toType(DataType.INT32, false).toIntArray();
            float[] img = programmed.clip(0f, 1f).toFloatArray();
            int[] truth = new int[sampleIdx.length];
            for (int i = 0; i < sampleIdx.length; i++) {
                truth[i] = monitor.label(sampleIdx[i]);
            }
            samples.addAll(TrainingSnapshot.SampleView.ofBatch(sampleIdx, truth, img, masks, ps, pt,
                    exp.placement().canvasSize()));
        }
        return List.copyOf(samples);
    }
}
