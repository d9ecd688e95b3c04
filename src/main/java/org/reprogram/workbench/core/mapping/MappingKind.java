package org.reprogram.workbench.core.mapping;

import ai.djl.ndarray.NDManager;

/** The label mappings the workbench offers. */
public enum MappingKind {
    RANDOM("random", "Random many-to-one, fixed"),
    FLM("flm", "Frequency label mapping, computed once"),
    ILM("ilm", "Iterative label mapping, recomputed every epoch"),
    LINEAR("linear", "Learned linear layer K_s -> K_t"),
    BLM("blm", "Bayesian-guided probabilistic mapping, recomputed every epoch");

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

    /** Whether this mapping needs K_t <= K_s * sourcesPerTarget. */
    public boolean oneToOne() {
        return this != LINEAR && this != BLM;
    }

    public LabelMapping create(int ks, int kt, int sourcesPerTarget, long seed, NDManager manager) {
        return switch (this) {
            case RANDOM -> new RandomLabelMapping(ks, kt, sourcesPerTarget, seed, manager);
            case FLM -> new FrequencyLabelMapping(ks, kt, manager);
            case ILM -> new IterativeLabelMapping(ks, kt, manager);
            case LINEAR -> new LinearLabelMapping(ks, kt, seed, manager);
            case BLM -> new BayesianLabelMapping(ks, kt, manager);
        };
    }

    public static MappingKind parse(String s) {
        for (MappingKind k : values()) {
            if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown mapping '" + s + "' (use random, flm, ilm, linear or blm)");
    }

    @Override
    public String toString() {
        return id;
    }
}
