package org.reprogram.workbench.core.train;

import java.util.List;
import org.reprogram.workbench.core.program.Placement;

/**
 * What a run works with, sent once at start.
 *
 * @param sourceName model card name
 * @param sourceClasses source class names
 * @param targetName dataset name
 * @param targetClasses target class names
 * @param placement canvas geometry of the program
 * @param trainableParameters program + mapping weights
 * @param sourceParameters frozen weights
 * @param device device in use ("cpu()", "gpu(0)")
 * @param notices messages the user should see (e.g. GPU requested but not available)
 * @param trainSize training images
 * @param valSize validation images
 * @param testSize test images
 * @param validationIndices indices into the dataset's train split of the validation images, in
 *     the order of {@link TrainingSnapshot#validationPredictions()}
 * @param zeroShot the vision-language source's zero-shot figure on the target; null for a classifier
 */
public record RunInfo(
        String sourceName,
        List<String> sourceClasses,
        String targetName,
        List<String> targetClasses,
        Placement placement,
        long trainableParameters,
        long sourceParameters,
        String device,
        List<String> notices,
        int trainSize,
        int valSize,
        int testSize,
        int[] validationIndices,
        ZeroShot zeroShot) {

    /** The start of a run on a classifier (no zero-shot figure). */
    public RunInfo(String sourceName, List<String> sourceClasses, String targetName, List<String> targetClasses,
            Placement placement, long trainableParameters, long sourceParameters, String device, List<String> notices,
            int trainSize, int valSize, int testSize, int[] validationIndices) {
        this(sourceName, sourceClasses, targetName, targetClasses, placement, trainableParameters, sourceParameters,
                device, notices, trainSize, valSize, testSize, validationIndices, null);
    }
}
