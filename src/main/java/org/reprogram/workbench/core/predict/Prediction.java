package org.reprogram.workbench.core.predict;

import java.nio.file.Path;
import java.util.List;

/**
 * What the reprogrammed classifier says about one image, as plain values (the CLI prints it, the
 * GUI shows it), or why the image could not be read.
 *
 * @param file the image file, null for an image given in memory (a drawing)
 * @param name how the image is shown: the path as found, or the drawing's name
 * @param trueClass the target class named by the image's folder (…/CLASS/image.png), -1 when the
 *     folder names none
 * @param top the most probable target classes, best first (empty on error)
 * @param sourceClass the class the frozen source model predicted for the programmed input (-1 on error)
 * @param sourceName that class's name (null on error)
 * @param sourceProbability its softmax probability among the source classes
 * @param channels channels of {@code programmed}
 * @param height rows of {@code programmed}
 * @param width columns of {@code programmed}
 * @param programmed the programmed input the source model saw, C x H x W floats clipped to [0, 1]
 *     for display; null unless asked for, and on error
 * @param error why this image was not predicted ("FILE: problem. Fix: ..."), null when it was
 */
public record Prediction(Path file, String name, int trueClass, List<ClassScore> top, int sourceClass,
        String sourceName, double sourceProbability, int channels, int height, int width, float[] programmed,
        String error) {

    /** A target class and its probability. */
    public record ClassScore(int index, String name, double probability) {}

    /** An image that could not be predicted. */
    static Prediction failed(Path file, String name, int trueClass, String error) {
        return new Prediction(file, name, trueClass, List.of(), -1, null, Double.NaN, 0, 0, 0, null, error);
    }

    public boolean ok() {
        return error == null;
    }

    /** The predicted target class (index), -1 on error. */
    public int predicted() {
        return top.isEmpty() ? -1 : top.get(0).index();
    }

    /** The predicted target class's name, null on error. */
    public String predictedName() {
        return top.isEmpty() ? null : top.get(0).name();
    }

    /** Its probability, NaN on error. */
    public double probability() {
        return top.isEmpty() ? Double.NaN : top.get(0).probability();
    }

    /** True when the folder named a target class and the prediction is that class. */
    public boolean correct() {
        return trueClass >= 0 && trueClass == predicted();
    }
}
