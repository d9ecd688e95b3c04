package org.reprogram.workbench.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * A reprogramming experiment as a {@link FitModule}: the program (and a learned mapping) against
 * the frozen source, one step by the trainer (white-box or black-box), batches from a
 * {@link BatchPrefetcher}, the state a {@link Checkpoint} of program and mapping. Each epoch seeds
 * the engine (black-box directions, smm) so that a resumed run draws what the original would have.
 */
final class ReprogrammingModule implements FitModule<Checkpoint> {

    private final Experiment exp;
    private final ReprogrammingTrainer trainer;
    private final TrainingCheckpoint resumeFrom;
    private final int batch;
    private final Evaluator evaluator;
    private BatchPrefetcher loader;
    private ZeroShot zeroShot;

    ReprogrammingModule(Experiment exp, ReprogrammingTrainer trainer, TrainingCheckpoint resumeFrom) {
        this.exp = exp;
        this.trainer = trainer;
        this.resumeFrom = resumeFrom;
        this.batch = Math.min(exp.config().optimization().batchSize(), Math.max(1, exp.train().size()));
        this.evaluator = new Evaluator(exp, Evaluator.batchSizeFor(batch, exp.placement().canvasSize()));
    }

    /** The evaluator of the run's splits (also for label-mapping passes). */
    Evaluator evaluator() {
        return evaluator;
    }

    @Override
    public RunInfo runInfo() {
        if (zeroShot == null) {
            zeroShot = ZeroShot.of(exp, evaluator.batchSize());
        }
        return new RunInfo(exp.source().card().name(), exp.source().card().classNames(), exp.dataset().name(),
                exp.dataset().classNames(), exp.placement(), exp.trainableParameters(), exp.source().parameterCount(),
                ComputeThreads.describe(exp.source().device(), exp.config().resources().threads()), exp.notices(), exp.train().size(),
                exp.validation().size(), exp.test().size(), exp.validationIndices(), zeroShot);
    }

    @Override
    public void prepare(FitState<Checkpoint> state) {
        RunSpec cfg = exp.config();
        if (exp.train().size() == 0) {
            throw new UserInputException("no training images left after the validation split (--val-fraction "
                    + cfg.data().valFraction() + ") and --shots " + cfg.data().shots() + ". Fix: lower --val-fraction,"
                    + " raise --shots or add images to " + cfg.data().target());
        }
        trainer.beginSteps(exp);
        if (resumeFrom != null) { // the state after its epoch, as if the run had never stopped
            resumeFrom.current().restore(exp);
            trainer.optimizer().load(resumeFrom.adam());
        }
    }

    @Override
    public int trainSize() {
        return exp.train().size();
    }

    @Override
    public LearningRateSchedule schedule() {
        return exp.config().optimization().schedule();
    }

    @Override
    public void beginEpoch(int epoch) {
        exp.manager().getEngine().setRandomSeed((int) (exp.config().seed() * 1_000_003L + epoch));
    }

    @Override
    public void startEpoch(int epoch, int[] order) {
        if (loader == null) {
            loader = new BatchPrefetcher(exp.train(), batch);
        }
        loader.start(order);
    }

    @Override
    public NDManager openScope() {
        return BatchScope.open(exp);
    }

    @Override
    public StepResult step(NDManager scope, int from, int to, double lr) {
        BatchPrefetcher.Batch next = loader.next();
        int[] labels = next.labels();
        NDArray x = next.array(scope);
        return trainer.step(exp, scope, x, scope.create(labels), labels, lr);
    }

    @Override
    public void afterStep() {
        exp.program().afterStep();
    }

    @Override
    public void endEpochs() {
        if (loader != null) {
            loader.close();
        }
    }

    @Override
    public Evaluator.Result evaluate(Split split) {
        return evaluator.evaluate(split == Split.TEST ? exp.test() : exp.validation());
    }

    @Override
    public boolean testsWhenBestFound() {
        return false;
    }

    @Override
    public Checkpoint state(int epoch) {
        return Checkpoint.of(exp, epoch);
    }

    @Override
    public void restore(Checkpoint state) {
        state.restore(exp);
    }

    @Override
    public double inputScale() {
        return exp.program().inputScale();
    }

    @Override
    public String epochWarning(double meanTrainLoss, Evaluator.Result validation) {
        String a = divergenceWarning(meanTrainLoss, exp);
        String b = collapseWarning(validation, exp);
        return a == null ? b : b == null ? a : a + "; " + b;
    }

    @Override
    public void describe(TrainingResult.Builder result, FitState<Checkpoint> state) {
        RunSpec cfg = exp.config();
        result.zeroShot(zeroShot);
        result.parameters(exp.trainableParameters(), exp.source().parameterCount()).seed(cfg.seed())
                .program(cfg.program().id()).mapping(cfg.mapping().id()).trainer(trainer.name())
                .source(exp.source().origin()).target(cfg.data().target())
                .device(ComputeThreads.describe(exp.source().device(), exp.config().resources().threads())).method(TrainingResult.METHOD_REPROGRAM)
                .skippedImages(exp.dataset().skippedImages());
    }

    /**
     * A diverging run: the epoch's mean training loss above 10 x ln(K_t), ten times what a uniform
     * guess over the target classes scores (e.g. lr 100000 reaches 4e6 in one epoch).
     */
    static String divergenceWarning(double meanLoss, Experiment exp) {
        double uniform = Math.log(Math.max(2, exp.mapping().targetClasses()));
        if (meanLoss > 10 * uniform) {
            return String.format(java.util.Locale.ROOT, "diverging: the training loss %.3g is more than 10 times that of"
                    + " a uniform guess (%.2f). Lower the learning rate (now %s)", meanLoss, uniform,
                    java.math.BigDecimal.valueOf(exp.config().optimization().lr()).stripTrailingZeros().toPlainString());
        }
        return null;
    }

    private static String collapseWarning(Evaluator.Result val, Experiment exp) {
        int c = val.collapsedTo();
        if (c >= 0 && exp.mapping().targetClasses() > 1) {
            return "collapse: every validation sample is predicted as '" + exp.dataset().classNames().get(c)
                    + "'. Try another mapping, a lower learning rate or a different seed";
        }
        return null;
    }
}
