package org.reprogram.workbench.cli;

import org.reprogram.workbench.core.data.DataMemory;
import org.reprogram.workbench.core.train.ComputeThreads;
import picocli.CommandLine.Option;

/** Process-wide resource settings shared by the commands that train: threads and data memory. */
public final class ResourceOptions {

    @Option(names = "--threads", defaultValue = "0",
            description = "PyTorch intra-op threads: 1 to 4 per available core (default 0 = all available cores)")
    int threads;

    @Option(names = "--data-memory", defaultValue = "auto",
            description = "memory for decoded target images, e.g. 512M or 2G; larger datasets are read from disk per"
                    + " batch (default auto = 1/4 of the Java heap, at most 1/8 of the machine's memory)")
    String dataMemory;

    /** Applies both settings to the engine (before anything loads). */
    void apply() {
        ComputeThreads.set(threads);
        DataMemory.setBudget(DataMemory.parse(dataMemory));
    }
}
