package org.reprogram.workbench.core;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;

/** Base of source-model test doubles: everything goes to the wrapped model; doubles override what they change. */
abstract class DelegatingSourceModel implements SourceModel {

    private final SourceModel delegate;

    DelegatingSourceModel(SourceModel delegate) {
        this.delegate = delegate;
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
