package org.reprogram.workbench.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.reprogram.workbench.core.UserInputException;

/** Picks the compute device: auto (GPU when the engine sees one), cpu, or gpu. */
public final class DeviceSelector {

    /**
     * The chosen device and a message for the user when the choice differs from the request.
     */
    public record Choice(Device device, String notice) {}

    private DeviceSelector() {}

    public static Choice select(String requested) {
        int gpus = gpuCount();
        String r = requested == null ? "auto" : requested;
        switch (r) {
            case "cpu":
                return new Choice(Device.cpu(), null);
            case "gpu":
                if (gpus == 0) {
                    throw new UserInputException("--device gpu: the PyTorch engine sees no GPU (CPU-only libtorch)."
                            + " Fix: use --device auto or cpu, or point PYTORCH_LIBRARY_PATH at a CUDA libtorch"
                            + " (see README, 'GPU')");
                }
                return new Choice(Device.gpu(), null);
            case "auto":
                if (gpus > 0) {
                    return new Choice(Device.gpu(), null);
                }
                return new Choice(Device.cpu(), "no GPU visible to the PyTorch engine: training on CPU");
            default:
                throw new UserInputException("unknown device '" + r + "'. Fix: use auto, cpu or gpu");
        }
    }

    public static int gpuCount() {
        try {
            return Engine.getEngine("PyTorch").getGpuCount();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
