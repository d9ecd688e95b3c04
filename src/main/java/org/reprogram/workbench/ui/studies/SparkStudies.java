package org.reprogram.workbench.ui.studies;

import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.TrialBackend;
import org.reprogram.workbench.core.study.spark.SparkBackend;

/** The window's study backend: Apache Spark, local mode in this JVM or the cluster the master names. */
public final class SparkStudies {

    /** The Spark application's name (its web UI and the cluster's list of applications show it). */
    static final String APP_NAME = "Reprogram Workbench studies";

    private SparkStudies() {}

    /** Opens Spark for CHOICE (called on a background thread: starting Spark takes seconds). */
    public static TrialBackend open(BackendChoice choice) {
        return SparkBackend.open(choice, APP_NAME);
    }
}
