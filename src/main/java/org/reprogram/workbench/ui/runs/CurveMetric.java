package org.reprogram.workbench.ui.runs;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.reprogram.workbench.core.train.EpochMetrics;

/**
 * What the compare chart plots per epoch (a column of metrics.csv). The "train + val" choices draw
 * two lines per run: validation solid, training dashed.
 */
public enum CurveMetric {
    VAL_ACCURACY("Validation accuracy", "accuracy", List.of(Line.VAL_ACCURACY)),
    TRAIN_ACCURACY("Training accuracy", "accuracy", List.of(Line.TRAIN_ACCURACY)),
    ACCURACY("Training + validation accuracy", "accuracy", List.of(Line.VAL_ACCURACY, Line.TRAIN_ACCURACY)),
    VAL_LOSS("Validation loss", "loss", List.of(Line.VAL_LOSS)),
    TRAIN_LOSS("Training loss", "loss", List.of(Line.TRAIN_LOSS)),
    LOSS("Training + validation loss", "loss", List.of(Line.VAL_LOSS, Line.TRAIN_LOSS)),
    LEARNING_RATE("Learning rate", "learning rate", List.of(Line.LEARNING_RATE)),
    QUERIES("Model queries (black-box)", "queries (cumulative)", List.of(Line.QUERIES));

    /**
     * One line of a run.
     *
     * @param label what it shows, for the legend ("validation", "training")
     * @param dashed drawn dashed (training lines next to validation ones)
     * @param value the epoch's value (NaN: no point, e.g. no validation data)
     */
    public record Line(String label, boolean dashed, ToDoubleFunction<EpochMetrics> value) {
        static final Line VAL_ACCURACY = new Line("validation", false, EpochMetrics::valAccuracy);
        static final Line TRAIN_ACCURACY = new Line("training", true, EpochMetrics::trainAccuracy);
        static final Line VAL_LOSS = new Line("validation", false, EpochMetrics::valLoss);
        static final Line TRAIN_LOSS = new Line("training", true, EpochMetrics::trainLoss);
        static final Line LEARNING_RATE = new Line("learning rate", false, EpochMetrics::learningRate);
        static final Line QUERIES = new Line("queries", false, m -> m.queries() > 0 ? m.queries() : Double.NaN);
    }

    private final String title;
    private final String axis;
    private final List<Line> lines;

    CurveMetric(String title, String axis, List<Line> lines) {
        this.title = title;
        this.axis = axis;
        this.lines = lines;
    }

    /** The chooser's and the chart's title. */
    public String title() {
        return title;
    }

    /** The y axis label. */
    public String axis() {
        return axis;
    }

    /** The lines drawn per run, solid first. */
    public List<Line> lines() {
        return lines;
    }

    /** True when each run has a solid (validation) and a dashed (training) line. */
    public boolean trainAndVal() {
        return lines.size() > 1;
    }

    @Override
    public String toString() {
        return title;
    }
}
