package org.reprogram.workbench.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.reprogram.workbench.core.train.BatchProgress;
import org.reprogram.workbench.core.train.EpochMetrics;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingListener;

/** Prints the run header and one line per epoch. */
final class ConsoleProgress implements TrainingListener {

    private final PrintStream out;
    private final int epochs;
    private final boolean showQueries;
    private final String sourceWeights;
    private BatchProgress last;

    ConsoleProgress(PrintStream out, int epochs, boolean showQueries) {
        this(out, epochs, showQueries, "frozen weights");
    }

    /** SOURCEWEIGHTS names the source's weights in the header ("frozen weights", "weights, all trained"). */
    ConsoleProgress(PrintStream out, int epochs, boolean showQueries, String sourceWeights) {
        this.out = out;
        this.epochs = epochs;
        this.showQueries = showQueries;
        this.sourceWeights = sourceWeights;
    }

    @Override
    public void onStart(RunInfo i) {
        for (String n : i.notices()) {
            out.println("note: " + n);
        }
        out.printf(Locale.ROOT, "source %s (%d classes, %,d %s) -> target %s (%d classes: %d train, %d val,"
                        + " %d test)%n", i.sourceName(), i.sourceClasses().size(), i.sourceParameters(), sourceWeights,
                i.targetName(),
                i.targetClasses().size(), i.trainSize(), i.valSize(), i.testSize());
        out.printf(Locale.ROOT, "canvas %dx%dx%d, target window %dx%d, trainable parameters %,d, device %s%n",
                i.placement().channels(), i.placement().height(), i.placement().width(), i.placement().innerHeight(),
                i.placement().innerWidth(), i.trainableParameters(), i.device());
    }

    @Override
    public void onBatch(BatchProgress p) {
        last = p;
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        double eta = last == null ? 0 : last.etaSeconds();
        out.printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  train acc %.4f  val acc %s  lr %s  %.0f img/s  ETA %.0fs%s%n",
                m.epoch(), epochs, m.trainLoss(), m.trainAccuracy(),
                Double.isNaN(m.valAccuracy()) ? "  n/a " : String.format(Locale.ROOT, "%.4f", m.valAccuracy()),
                Double.isNaN(m.learningRate()) ? "-" : String.format(Locale.ROOT, "%.2g", m.learningRate()),
                m.imagesPerSecond(), eta,
                showQueries ? String.format(Locale.ROOT, "  queries %,d", m.queries()) : "");
        if (m.warning() != null) {
            out.println("warning: " + m.warning());
        }
        out.flush();
    }
}
