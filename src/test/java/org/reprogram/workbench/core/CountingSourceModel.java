package org.reprogram.workbench.core;

import ai.djl.ndarray.NDArray;
import java.util.concurrent.atomic.AtomicLong;
import org.reprogram.workbench.core.model.SourceModel;

/** Test double: a source model that counts every image it is asked about, then delegates. */
final class CountingSourceModel extends DelegatingSourceModel {

    private final AtomicLong images = new AtomicLong();

    CountingSourceModel(SourceModel delegate) {
        super(delegate);
    }

    long images() {
        return images.get();
    }

    @Override
    public NDArray logits(NDArray pixels) {
        images.addAndGet(pixels.getShape().get(0));
        return super.logits(pixels);
    }
}
