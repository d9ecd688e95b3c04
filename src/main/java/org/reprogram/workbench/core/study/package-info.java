/**
 * Studies: many runs of one target (settings, methods and seeds swept) summarised with statistics
 * a reviewer accepts (issue 19). For now the pure-Java building blocks only: trial outcomes
 * ({@link org.reprogram.workbench.core.study.TrialOutcome}) aggregated per configuration with
 * Student t confidence intervals, the winner chosen by validation, and every configuration compared
 * with the best baseline paired by seed ({@link org.reprogram.workbench.core.study.StudyStatistics}).
 * Execution of studies and their reports come later.
 */
package org.reprogram.workbench.core.study;
