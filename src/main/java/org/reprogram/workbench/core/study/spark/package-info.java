/**
 * The Apache Spark backend of studies ({@link org.reprogram.workbench.core.study.spark.SparkBackend}): the
 * only package that imports Spark (ArchitectureTest guards it).
 *
 * <p>What runs where. Local mode ({@code local[N]}, the default) runs N trials in this process and needs
 * nothing running. A standalone ({@code spark://HOST:PORT}) or Kubernetes ({@code k8s://URL}, with
 * {@code --conf spark.kubernetes.container.image=...}) cluster needs Spark 4.0 for Scala 2.13 on Java 17+
 * and nothing of this application: the driver sends the application jar and the libraries Spark lacks
 * ({@code ExecutorJars}), ships the source models and target data once ({@code addFile}) and gets every
 * run folder back zipped. Java 17's {@code --add-opens} for the driver are in the jar's manifest
 * ({@code Add-Opens}, Spark's own list; local mode with the JavaSerializer was measured to need none);
 * executors get Spark's own from their worker. Driver logs: {@code log4j2.properties} (warnings);
 * executor logs stay in the workers' work folders.
 */
package org.reprogram.workbench.core.study.spark;
