package org.reprogram.workbench.cli;

import java.util.List;

/** What a child JVM running a study driver from the class path needs (the jar's manifest has the same). */
final class StudyProcesses {

    /**
     * JVM flags for Spark on Java 17 when started with -cp (Add-Opens in the manifest works only for
     * java -jar): the --add-opens this test JVM got from the surefire argLine.
     */
    static final List<String> JVM_FLAGS = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
            .stream().filter(a -> a.startsWith("--add-opens")).toList();

    private StudyProcesses() {}
}
