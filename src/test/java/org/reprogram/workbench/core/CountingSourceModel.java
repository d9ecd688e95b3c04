package org.reprogram.workbench.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.atomic.AtomicLong;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;

/** Test double: a source model that counts every image it is asked about, then delegates. */
final class CountingSourceModel implements SourceModel {

    private final SourceModel delegate;
    private final AtomicLong images = new AtomicLong();

    CountingSourceModel(SourceModel delegate) {
        this.delegate = delegate;
    }

    long images() {
        return images.get();
    }

    SourceModel delegate() {
        return delegate;
    }

    @Override
    public ModelCard card() {
        return delegate.card();
    }

    @Override
    public NDArray logits(NDArray pixels) {
        images.addAndGet(pixels.getShape().get(0));
        return delegate.logits(pixels);
    }

    @Override
    public long parameterCount() {
        return delegate.parameterCount();
    }

    @Override
    public NDManager manager() {
        return delegate.manager();
    }

    @Override
    public Device device() {
        return delegate.device();
    }

    @Override
    public String origin() {
        return delegate.origin();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
