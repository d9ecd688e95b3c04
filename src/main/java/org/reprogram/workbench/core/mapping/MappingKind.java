package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.model.ModelCard;

/** The label mappings the workbench offers. */
public enum MappingKind {
    RANDOM("random", "Random many-to-one, fixed"),
    FLM("flm", "Frequency label mapping, computed once"),
    ILM("ilm", "Iterative label mapping, recomputed every epoch"),
    LINEAR("linear", "Learned linear layer K_s -> K_t"),
    BLM("blm", "Bayesian-guided probabilistic mapping from argmax counts, recomputed every epoch"),
    BLM_PLUS("blm+", "Bayesian-guided mapping from top-k probabilities, recomputed every epoch"),
    BAR("bar", "BAR multi-label: m frequency-chosen sources per target, probabilities averaged");

    private final String id;
    private final String description;

    MappingKind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether --sources-per-class applies (m sources per target). */
    public boolean multiSource() {
        return this == RANDOM || this == BAR;
    }

    /** Whether this mapping needs K_t * (sources per target) <= K_s. */
    public boolean oneToOne() {
        return this != LINEAR && this != BLM && this != BLM_PLUS;
    }

    /**
     * A problem of this mapping with CARD's classes for a target of KT classes, in words with the
     * fix, or null (blm+ needs k = 15 % of K_t source classes). The one-to-one check needs the
     * sources per class too and stays with the caller.
     */
    public String problemWith(ModelCard card, int kt) {
        int k = Frequencies.blmPlusK(kt);
        if (this == BLM_PLUS && k > card.numClasses()) {
            return "mapping 'blm+' sums the top k = " + k + " source probabilities of every image (k = 15 % of the "
                    + kt + " target classes), but source model '" + card.name() + "' has only " + card.numClasses()
                    + " classes. Fix: choose blm or linear (--mapping), or a source model with at least " + k + " classes";
        }
        return null;
    }

    public LabelMapping create(int ks, int kt, int sourcesPerTarget, long seed, NDManager manager) {
        return switch (this) {
            case RANDOM -> new RandomLabelMapping(ks, kt, sourcesPerTarget, seed, manager);
            case FLM -> new FrequencyLabelMapping(ks, kt, manager);
            case ILM -> new IterativeLabelMapping(ks, kt, manager);
            case LINEAR -> new LinearLabelMapping(ks, kt, seed, manager);
            case BLM -> new BayesianLabelMapping(ks, kt, false, manager);
            case BLM_PLUS -> new BayesianLabelMapping(ks, kt, true, manager);
            case BAR -> new MultiLabelMapping(ks, kt, sourcesPerTarget, manager);
        };
    }

    public static MappingKind parse(String s) {
        for (MappingKind k : values()) {
            if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown mapping '" + s + "' (use random, flm, ilm, linear, blm, blm+ or bar)");
    }

    @Override
    public String toString() {
        return id;
    }
}
