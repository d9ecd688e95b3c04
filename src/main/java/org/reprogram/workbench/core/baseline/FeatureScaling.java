package org.reprogram.workbench.core.baseline;

/**
 * Per-feature standardisation learned on the training features (mean 0, standard deviation 1;
 * a constant feature keeps scale 1), as linear-probe protocols put before the logistic
 * regression: it makes the problem well conditioned, so L-BFGS converges in few iterations. A
 * head fitted on scaled features is folded back into one on the raw features.
 *
 * @param mean per-feature mean of the training features
 * @param scale per-feature standard deviation (1 where it is below 1e-8)
 */
record FeatureScaling(double[] mean, double[] scale) {

    /** The scaling of the training features TRAIN. */
    static FeatureScaling of(Samples train) {
        int d = train.itemSize();
        int n = train.size();
        float[] v = train.values();
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(1, n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = v[i * d + j] - mean[j];
                sq[j] += c * c;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(sq[j] / Math.max(1, n));
            scale[j] = sd < 1e-8 ? 1 : sd;
        }
        return new FeatureScaling(mean, scale);
    }

    /** SPLIT with every feature scaled. */
    Samples apply(Samples split) {
        int d = mean.length;
        float[] v = split.values();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int j = i % d;
            out[i] = (float) ((v[i] - mean[j]) / scale[j]);
        }
        return new Samples(out, split.labels(), split.itemShape());
    }

    /** THETA (K x D weights then K biases, on scaled features) as the same head on raw features. */
    double[] toRaw(double[] theta, int k) {
        int d = mean.length;
        double[] raw = new double[theta.length];
        for (int c = 0; c < k; c++) {
            double shift = 0;
            for (int j = 0; j < d; j++) {
                raw[c * d + j] = theta[c * d + j] / scale[j];
                shift += raw[c * d + j] * mean[j];
            }
            raw[k * d + c] = theta[k * d + c] - shift;
        }
        return raw;
    }
}
