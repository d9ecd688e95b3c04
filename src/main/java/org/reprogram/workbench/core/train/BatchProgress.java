package org.reprogram.workbench.core.train;

/**
 * After one training step.
 *
 * @param epoch 1-based epoch
 * @param epochs total epochs
 * @param batch 1-based batch within the epoch
 * @param batches batches per epoch
 * @param step global step (1-based)
 * @param loss mean loss of this batch
 * @param imagesPerSecond training throughput so far in this epoch
 * @param etaSeconds estimated time to the end of training
 * @param queries black-box model queries so far (0 for white-box)
 */
public record BatchProgress(
        int epoch, int epochs, int batch, int batches, long step, double loss, double imagesPerSecond,
        double etaSeconds, long queries) {}
