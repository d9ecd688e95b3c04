package org.reprogram.workbench.core.train;

/** Training cannot go on (NaN loss, non-finite gradients); the message says why and what to change. */
public final class TrainingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingFailedException(String message) {
        super(message);
    }
}
