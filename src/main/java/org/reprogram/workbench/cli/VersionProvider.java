package org.reprogram.workbench.cli;

import org.reprogram.workbench.core.train.RuntimeInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: app, DJL and PyTorch versions and the device found (see {@link RuntimeInfo}). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        // picocli formats each line with String.format: a '%' in a path must not become a specifier
        return RuntimeInfo.collect().lines().stream().map(l -> l.replace("%", "%%")).toArray(String[]::new);
    }
}
