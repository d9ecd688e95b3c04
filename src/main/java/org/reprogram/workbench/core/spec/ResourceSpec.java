package org.reprogram.workbench.core.spec;

/**
 * What a run may use of the machine. Part of the run, not of the process: two runs in one JVM (a
 * study's trials on one executor) each use their own. Results do not depend on them beyond the
 * order of float sums (threads).
 *
 * @param device "auto" (the GPU when one is visible), "cpu" or "gpu"
 * @param threads PyTorch intra-op threads for this run (0: the default for the machine)
 * @param dataMemoryBytes the most memory target images may take before they are streamed from disk
 *     (0: the default for the machine)
 */
public record ResourceSpec(String device, int threads, long dataMemoryBytes) {}
