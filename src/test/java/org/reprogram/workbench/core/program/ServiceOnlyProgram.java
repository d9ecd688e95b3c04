package org.reprogram.workbench.core.program;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A test-only input program (x' = x + w, one learned value per canvas pixel) that no services file
 * of the build registers: the registry tests load it through a services file of their own, and its
 * program keeps the default {@link InputProgram#interop()} (no plain-array form).
 */
public final class ServiceOnlyProgram extends AbstractInputProgram {

    private final NDArray weight;

    public ServiceOnlyProgram(ProgramSetup setup, NDManager manager) {
        super(setup, manager);
        Placement p = setup.placement();
        weight = addParameter(this.manager.zeros(new ai.djl.ndarray.types.Shape(1, p.channels(), p.height(), p.width())),
                null);
    }

    @Override
    public String name() {
        return "service-only";
    }

    @Override
    public NDArray apply(NDArray canvases, boolean training) {
        return canvases.add(weight);
    }

    @Override
    public float[] perturbation() {
        return weight.toFloatArray();
    }

    @Override
    public boolean signedPerturbation() {
        return true;
    }

    /** Registration: id "service-only", no settings. */
    public static final class Type extends AbstractProgramType {
        public Type() {
            super("service-only", "service-only – test", "A program only a test's services file registers",
                    "Adds one learned value per pixel.", List.of());
        }

        @Override
        public InputProgram create(ProgramSetup setup, NDManager manager) {
            return new ServiceOnlyProgram(setup, manager);
        }
    }

    /** A second registration under a built-in's id ("pad"): the registry must refuse it. */
    public static final class ClashingType extends AbstractProgramType {
        public ClashingType() {
            super("pad", "pad – again", "A program registered under an id that is taken", "-", List.of());
        }

        @Override
        public InputProgram create(ProgramSetup setup, NDManager manager) {
            return new ServiceOnlyProgram(setup, manager);
        }
    }
}
