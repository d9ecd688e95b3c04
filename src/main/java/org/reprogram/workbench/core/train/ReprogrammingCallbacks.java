package org.reprogram.workbench.core.train;

/**
 * The two small callbacks of a reprogramming run besides its {@link LiveView}: the label
 * mapping's frequency update before an epoch (FLM/ILM/BLM: a pass over the training split, counted
 * as mapping queries), and the checkpoint for resume at every epoch end.
 */
final class ReprogrammingCallbacks {

    private ReprogrammingCallbacks() {}

    /** Updates a frequency-driven mapping from the source's top-k predictions on the training split. */
    static FitCallback<Checkpoint> mappingUpdate(Experiment exp, Evaluator evaluator) {
        return new FitCallback<>() {
            @Override
            public void beforeEpoch(FitState<Checkpoint> s, int epoch) {
                if (exp.mapping().needsFrequencies(epoch - 1)) {
                    Evaluator.Result f = evaluator.evaluate(exp.train(), exp.mapping().topK());
                    s.addQueries(FitState.MAPPING, f.queries());
                    exp.mapping().update(f.frequencies());
                }
            }
        };
    }

    /** Sends the state to resume from after every epoch ({@link TrainingListener#onCheckpoint}). */
    static FitCallback<Checkpoint> checkpoints(Experiment exp, ReprogrammingTrainer trainer, TrainingListener listener) {
        return new FitCallback<>() {
            @Override
            public void afterEpoch(FitState<Checkpoint> s, EpochMetrics metrics, Evaluator.Result validation) {
                listener.onCheckpoint(new TrainingCheckpoint(s.epoch(), s.step(), Checkpoint.of(exp, s.epoch()), s.best(),
                        s.bestVal(), trainer.optimizer().state(), s.queries(), s.trainImages(), s.trainNanos(),
                        s.elapsedSeconds()));
            }
        };
    }
}
