package org.reprogram.workbench.core.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.AtomicFiles;
import org.reprogram.workbench.core.report.Csv;

/**
 * Predictions as CSV, one row per image: the file, the top-K target classes with their
 * probabilities, the source class the frozen model saw, the class its folder names (when it names
 * a target class), and the error of an image that could not be read. Written atomically.
 */
public final class PredictionCsv {

    private PredictionCsv() {}

    /** The header for TOPK target columns. */
    public static String header(int topK) {
        StringBuilder sb = new StringBuilder("file,target_class,probability");
        for (int k = 2; k <= topK; k++) {
            sb.append(",target_class_").append(k).append(",probability_").append(k);
        }
        return sb.append(",source_index,source_class,source_probability,true_class,error").toString();
    }

    /** One row for P; TARGETCLASSES name its true class. */
    public static String row(Prediction p, int topK, List<String> targetClasses) {
        StringBuilder sb = new StringBuilder(Csv.field(p.name()));
        for (int k = 0; k < topK; k++) {
            Prediction.ClassScore s = k < p.top().size() ? p.top().get(k) : null;
            sb.append(',').append(s == null ? "" : Csv.field(s.name()))
                    .append(',').append(s == null ? "" : number(s.probability()));
        }
        sb.append(',').append(p.ok() ? Integer.toString(p.sourceClass()) : "")
                .append(',').append(p.ok() ? Csv.field(p.sourceName()) : "")
                .append(',').append(p.ok() ? number(p.sourceProbability()) : "")
                .append(',').append(p.trueClass() >= 0 ? Csv.field(targetClasses.get(p.trueClass())) : "")
                .append(',').append(p.ok() ? "" : Csv.field(p.error()));
        return sb.toString();
    }

    /** Writes PREDICTIONS to FILE. */
    public static void write(Path file, List<Prediction> predictions, int topK, List<String> targetClasses)
            throws IOException {
        StringBuilder sb = new StringBuilder(header(topK)).append('\n');
        for (Prediction p : predictions) {
            sb.append(row(p, topK, targetClasses)).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

}
