package org.reprogram.workbench.core.study;

import java.nio.file.Path;

/** Where an executor finds a file the driver shipped ({@link TrialBackend#ship}): Spark's SparkFiles.get. */
@FunctionalInterface
public interface ShippedFiles {

    /** The local path of the shipped file NAME. */
    Path locate(String name);
}
