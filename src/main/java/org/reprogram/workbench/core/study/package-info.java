/**
 * Studies (issue 19): many runs of one target, settings, methods and seeds swept, summarised with
 * statistics a reviewer accepts. So far the pure-Java building blocks, not yet wired to a command or
 * an executor:
 * <ul>
 *   <li>the study spec: a YAML file in the form of Weights &amp; Biases sweep files plus a base run,
 *       seeds and baselines, validated by the parameter registry ({@link
 *       org.reprogram.workbench.core.study.StudySpec}) and expanded into trials, each an ordinary
 *       {@link org.reprogram.workbench.core.spec.RunSpec} with a stable id ({@link
 *       org.reprogram.workbench.core.study.StudySpec#trials()});</li>
 *   <li>the statistics: trial outcomes ({@link org.reprogram.workbench.core.study.TrialOutcome})
 *       aggregated per configuration with Student t confidence intervals, the winner chosen by
 *       validation, and every configuration compared with the best baseline paired by seed ({@link
 *       org.reprogram.workbench.core.study.StudyStatistics}).</li>
 * </ul>
 * Executing the trials (on Apache Spark), successive halving and the reports come next.
 */
package org.reprogram.workbench.core.study;
