/**
 * Studies: a declared sweep of run settings (a YAML study spec in the form of Weights &amp; Biases
 * sweep files, plus a base run, seeds and baselines), validated by the parameter registry and
 * expanded into trials, each an ordinary {@link org.reprogram.workbench.core.spec.RunSpec} with a
 * stable id. Executing the trials, successive halving and the statistics over replicates build on
 * this package; here are the spec ({@link org.reprogram.workbench.core.study.StudySpec}) and its
 * expansion ({@link org.reprogram.workbench.core.study.StudySpec#trials()}).
 */
package org.reprogram.workbench.core.study;
