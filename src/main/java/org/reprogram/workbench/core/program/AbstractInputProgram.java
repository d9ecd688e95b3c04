package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.model.ArrayWrites;

/**
 * Thin base of the programs: an own child manager, the list of trainable arrays and of extra
 * state (BatchNorm running statistics), and saving/restoring all of them as one float array.
 */
public abstract class AbstractInputProgram implements InputProgram {

    protected final ProgramSetup setup;
    protected final NDManager manager;
    private final List<NDArray> parameters = new ArrayList<>();
    private final List<NDArray> masks = new ArrayList<>();
    private final List<NDArray> buffers = new ArrayList<>();

    protected AbstractInputProgram(ProgramSetup setup, NDManager parent) {
        this.setup = setup;
        this.manager = parent.newSubManager();
    }

    /** Registers a trainable array; MASK (same shape, 1 = trainable) or null when all of it is. */
    protected final NDArray addParameter(NDArray value, NDArray mask) {
        value.setRequiresGradient(true);
        parameters.add(value);
        masks.add(mask != null ? mask : manager.ones(value.getShape()));
        return value;
    }

    /** Registers non-trainable state that must be saved with the program. */
    protected final NDArray addBuffer(NDArray value) {
        buffers.add(value);
        return value;
    }

    @Override
    public Placement placement() {
        return setup.placement();
    }

    @Override
    public List<NDArray> parameters() {
        return List.copyOf(parameters);
    }

    @Override
    public List<NDArray> trainableMasks() {
        return List.copyOf(masks);
    }

    @Override
    public long trainableParameters() {
        long n = 0;
        for (NDArray m : masks) {
            for (float v : m.toFloatArray()) {
                n += v != 0f ? 1 : 0;
            }
        }
        return n;
    }

    /** Per-channel std as a [1, C, 1, 1] array in MANAGER. */
    protected final NDArray stdArray(NDManager m) {
        return m.create(setup.std()).reshape(1, setup.placement().channels(), 1, 1);
    }

    @Override
    public float[] weights() {
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (NDArray a : all()) {
            float[] v = a.toFloatArray();
            parts.add(v);
            n += v.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] v : parts) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    @Override
    public void loadWeights(float[] values) {
        long expected = 0;
        for (NDArray a : all()) {
            expected += a.size();
        }
        if (values.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " program values, got " + values.length);
        }
        int at = 0;
        for (NDArray a : all()) {
            float[] part = new float[(int) a.size()];
            System.arraycopy(values, at, part, 0, part.length);
            ArrayWrites.write(a, part);
            at += part.length;
        }
    }

    private List<NDArray> all() {
        List<NDArray> all = new ArrayList<>(parameters);
        all.addAll(buffers);
        return all;
    }

    @Override
    public void close() {
        manager.close();
    }
}
