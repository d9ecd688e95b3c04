package org.reprogram.workbench.core.param;

import java.util.List;

/** The words and settings of a {@link MethodType}, given once to the constructor. */
public abstract class AbstractMethodType implements MethodType {

    private final String id;
    private final String label;
    private final String description;
    private final String details;
    private final List<Parameter<?>> parameters;

    protected AbstractMethodType(String id, String label, String description, String details,
            List<Parameter<?>> parameters) {
        this.id = id;
        this.label = label;
        this.description = description;
        this.details = details;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String details() {
        return details;
    }

    @Override
    public final List<Parameter<?>> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return id;
    }
}
