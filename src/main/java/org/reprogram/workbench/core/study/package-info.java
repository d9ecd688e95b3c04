/**
 * Studies: many runs of one target, settings, methods and seeds swept, summarised with statistics a
 * reviewer accepts.
 * <ul>
 *   <li>the study spec: a YAML file in the form of Weights &amp; Biases sweep files plus a base run,
 *       seeds and baselines, validated by the parameter registry ({@link
 *       org.reprogram.workbench.core.study.StudySpec}) and expanded into trials, each an ordinary
 *       {@link org.reprogram.workbench.core.spec.RunSpec} with a stable id;</li>
 *   <li>execution: the driver ({@link org.reprogram.workbench.core.study.StudyRunner}) plans from the
 *       study folder alone ({@link org.reprogram.workbench.core.study.StudyFolder}, {@link
 *       org.reprogram.workbench.core.study.HalvingSchedule}) and submits trials to a {@link
 *       org.reprogram.workbench.core.study.TrialBackend} (Apache Spark: {@code study.spark}); executors
 *       run {@link org.reprogram.workbench.core.study.TrialWork};</li>
 *   <li>the statistics: trial outcomes aggregated per configuration with Student t confidence
 *       intervals, the winner chosen by validation, and every configuration compared with the best
 *       baseline paired by seed ({@link org.reprogram.workbench.core.study.StudyStatistics}); the report
 *       in {@code study.report}.</li>
 * </ul>
 */
package org.reprogram.workbench.core.study;
