package org.reprogram.workbench.core.baseline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4: the two-loop recursion over the last
 * {@code memory} steps) with a backtracking Armijo line search, for a smooth objective on a
 * double vector. Deterministic; one {@link #step} is one iteration.
 */
final class Lbfgs {

    /** A smooth objective: its value at X, its gradient written to GRAD. */
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;

    private final Objective objective;
    private final int memory;
    private final Deque<double[][]> pairs = new ArrayDeque<>(); // {s, y, {1 / (y.s)}}, newest first
    private double[] x;
    private double[] grad;
    private double value;
    private int evaluations;

    Lbfgs(Objective objective, double[] start, int memory) {
        this.objective = objective;
        this.memory = memory;
        this.x = start.clone();
        this.grad = new double[start.length];
        this.value = objective.evaluate(x, grad);
        this.evaluations = 1;
    }

    double value() {
        return value;
    }

    double[] x() {
        return x;
    }

    /** Objective evaluations so far (each one pass over the training data). */
    int evaluations() {
        return evaluations;
    }

    /**
     * One iteration: a quasi-Newton direction and a step along it that lowers the objective. False
     * (and nothing changed) when no step lowers it: the minimum is reached to numerical precision.
     */
    boolean step() {
        double[] d = direction();
        double slope = dot(grad, d);
        if (!(slope < 0)) { // not a descent direction: forget the curvature pairs, go down the gradient
            pairs.clear();
            d = direction();
            slope = dot(grad, d);
            if (!(slope < 0)) {
                return false;
            }
        }
        double t = pairs.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(grad, grad))) : 1;
        double[] next = new double[x.length];
        double[] nextGrad = new double[x.length];
        for (int h = 0; h < MAX_HALVINGS; h++, t /= 2) {
            for (int i = 0; i < x.length; i++) {
                next[i] = x[i] + t * d[i];
            }
            double v = objective.evaluate(next, nextGrad);
            evaluations++;
            if (Double.isFinite(v) && v <= value + ARMIJO * t * slope) {
                remember(next, nextGrad);
                x = next;
                grad = nextGrad;
                value = v;
                return true;
            }
        }
        return false;
    }

    /** -H * grad by the two-loop recursion (-grad without curvature pairs). */
    private double[] direction() {
        double[] q = grad.clone();
        double[] alpha = new double[pairs.size()];
        int i = 0;
        for (double[][] p : pairs) { // newest first
            alpha[i] = p[2][0] * dot(p[0], q);
            axpy(-alpha[i], p[1], q);
            i++;
        }
        if (!pairs.isEmpty()) {
            double[][] newest = pairs.peekFirst();
            double gamma = dot(newest[0], newest[1]) / dot(newest[1], newest[1]);
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        Iterator<double[][]> oldestFirst = pairs.descendingIterator();
        i = pairs.size() - 1;
        while (oldestFirst.hasNext()) {
            double[][] p = oldestFirst.next();
            double beta = p[2][0] * dot(p[1], q);
            axpy(alpha[i] - beta, p[0], q);
            i--;
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private void remember(double[] next, double[] nextGrad) {
        double[] s = new double[x.length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = next[i] - x[i];
            y[i] = nextGrad[i] - grad[i];
        }
        double ys = dot(y, s);
        if (ys > 1e-12 * Math.sqrt(dot(y, y) * dot(s, s))) { // keep H positive definite
            pairs.addFirst(new double[][] {s, y, {1 / ys}});
            if (pairs.size() > memory) {
                pairs.removeLast();
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
