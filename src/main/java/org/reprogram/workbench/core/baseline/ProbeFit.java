package org.reprogram.workbench.core.baseline;

/**
 * The linear probe's optimisation: full-batch L-BFGS on a {@link SoftmaxRegression} from zero
 * weights until the objective stops falling: its relative decrease stays below
 * {@value #TOLERANCE} for {@value #PATIENCE} iterations in a row, or no step lowers it any more
 * (numerical precision). A cap bounds the iterations; the observer may stop earlier.
 */
final class ProbeFit {

    /** Relative decrease of the objective below which an iteration counts as "no longer falling". */
    static final double TOLERANCE = 1e-6;
    /** Iterations in a row below {@link #TOLERANCE} that end the fit. */
    static final int PATIENCE = 5;
    private static final int MEMORY = 10;

    /** Sees every iteration; returns false to stop (the user's Stop). */
    interface Observer {
        boolean onIteration(int iteration, double[] theta, double trainLoss, double trainAccuracy, int passes);
    }

    /**
     * How the fit ended.
     *
     * @param theta the final parameters
     * @param iterations iterations done
     * @param converged true when the stopping rule ended it (not the cap or the observer)
     * @param trainLoss mean training cross-entropy of THETA (without the penalty)
     * @param objective cross-entropy plus penalty at THETA
     */
    record Outcome(double[] theta, int iterations, boolean converged, double trainLoss, double objective) {}

    private ProbeFit() {}

    /** Minimises FIT with at most CAP iterations. */
    static Outcome run(SoftmaxRegression fit, int cap, Observer observer) {
        Lbfgs lbfgs = new Lbfgs(fit::lossAndGradient, new double[fit.parameters()], MEMORY);
        double trainLoss = fit.lastCrossEntropy();
        int calm = 0;
        int it = 0;
        while (it < cap) {
            it++;
            int evaluations = lbfgs.evaluations();
            double before = lbfgs.value();
            boolean moved = lbfgs.step();
            double accuracy;
            if (moved) { // the accepted point was the last one evaluated
                trainLoss = fit.lastCrossEntropy();
                accuracy = fit.lastAccuracy();
            } else {
                fit.lossAndGradient(lbfgs.x(), new double[fit.parameters()]);
                trainLoss = fit.lastCrossEntropy();
                accuracy = fit.lastAccuracy();
            }
            boolean go = observer.onIteration(it, lbfgs.x(), trainLoss, accuracy, lbfgs.evaluations() - evaluations);
            double decrease = (before - lbfgs.value()) / Math.max(Math.abs(lbfgs.value()), 1e-12);
            calm = decrease < TOLERANCE ? calm + 1 : 0;
            if (!moved || calm >= PATIENCE) {
                return new Outcome(lbfgs.x(), it, true, trainLoss, lbfgs.value());
            }
            if (!go) {
                break;
            }
        }
        return new Outcome(lbfgs.x(), it, false, trainLoss, lbfgs.value());
    }
}
