/**
 * A study's report, written headless from its results ({@link
 * org.reprogram.workbench.core.study.StudyResults}) by {@link
 * org.reprogram.workbench.core.study.report.StudyReport#write}: report.md, the leaderboard as
 * Markdown ({@link org.reprogram.workbench.core.study.report.LeaderboardTable}), CSV and LaTeX
 * (booktabs), and three figures as PNG and SVG (test accuracy with 95 % CIs, accuracy against
 * trainable parameters with the Pareto front, parallel coordinates of the swept settings). No
 * JavaFX: the CLI's {@code study report} and the GUI share it.
 */
package org.reprogram.workbench.core.study.report;
