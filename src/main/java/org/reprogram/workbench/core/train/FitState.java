package org.reprogram.workbench.core.train;

/**
 * The counters of a {@link FitLoop} run, shared with its module and callbacks: epochs and steps
 * done, the best validation epoch (and its state), source-model queries by purpose, training
 * throughput and wall time. A resumed run starts from the values of its checkpoint.
 *
 * @param <S> the module's learned-state copy
 */
public final class FitState<S> {

    /** Query purposes: training steps, label-mapping passes, evaluation (validation, test, previews). */
    public static final int TRAINING = 0;
    public static final int MAPPING = 1;
    public static final int EVALUATION = 2;

    final int epochs;
    final long totalSteps;
    final long startNanos;
    final boolean resumed;
    int epochsDone;
    int epoch;
    long step;
    double bestVal = Double.NaN;
    int bestEpoch;
    S best;
    long[] queries = new long[3];
    long trainImages;
    double trainNanos;
    double lastTrainLoss = Double.NaN;

    FitState(int epochs, long totalSteps, long startNanos, boolean resumed) {
        this.epochs = epochs;
        this.totalSteps = totalSteps;
        this.startNanos = startNanos;
        this.resumed = resumed;
    }

    /** Counts N images answered by the source model for PURPOSE ({@link #TRAINING}, ...). */
    public void addQueries(int purpose, long n) {
        queries[purpose] += n;
    }

    /** All queries so far. */
    public long totalQueries() {
        return queries[TRAINING] + queries[MAPPING] + queries[EVALUATION];
    }

    /** A copy of the queries by purpose. */
    public long[] queries() {
        return queries.clone();
    }

    /** Sets the queries by purpose (a resumed run's first picture is not counted). */
    public void setQueries(long[] q) {
        queries = q.clone();
    }

    public int epochs() {
        return epochs;
    }

    /** The epoch in progress (the last one after the loop). */
    public int epoch() {
        return epoch;
    }

    public int epochsDone() {
        return epochsDone;
    }

    public long step() {
        return step;
    }

    public double bestVal() {
        return bestVal;
    }

    /** The state of the best validation epoch (null when none, or when the module tests when found). */
    public S best() {
        return best;
    }

    public long trainImages() {
        return trainImages;
    }

    public double trainNanos() {
        return trainNanos;
    }

    /** Mean training loss of the last finished epoch (NaN before one). */
    public double lastTrainLoss() {
        return lastTrainLoss;
    }

    public boolean resumed() {
        return resumed;
    }

    /** Seconds since the run started (a resumed run counts its earlier wall time). */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
