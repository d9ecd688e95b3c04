package org.reprogram.workbench.core.model;

import java.util.List;

/**
 * What the workbench needs to know about a source classifier: the input it expects and the
 * classes it predicts. Built-in models carry more (architecture, training data, accuracy);
 * a TorchScript sidecar carries only inputShape, classNames and optionally mean/std.
 *
 * @param name short identifier ("fmnist-cnn")
 * @param inputShape [C, H, W]
 * @param classNames one name per output logit
 * @param mean per-channel mean subtracted after the program (null: the model normalises itself)
 * @param std per-channel std (null with mean)
 * @param description free text: architecture, training data, measured accuracy
 * @param testAccuracy accuracy measured on the source test set, or null when unknown
 * @param featuresMethod TorchScript only: name of an exported method of the module that returns
 *     the penultimate features [N, D] for normalised input (sidecar key {@code "featuresMethod"});
 *     null when the module has none. Needed by the linear-probe baseline. A vision-language model's
 *     image method.
 * @param visionLanguage what a vision-language (CLIP-style) model adds: its text side, embedding size
 *     and logit scale; null for a classifier. Its raw card lists no classes: a run's classes are the
 *     prompts of its text mapping ({@link PromptClassifier})
 */
public record ModelCard(
        String name,
        int[] inputShape,
        List<String> classNames,
        float[] mean,
        float[] std,
        String description,
        Double testAccuracy,
        String featuresMethod,
        org.reprogram.workbench.core.model.VisionLanguageCard visionLanguage) {

    /** The sidecar key that names the features method. */
    public static final String FEATURES_METHOD_KEY = "featuresMethod";

    /** A classifier's card (no vision-language part). */
    public ModelCard(String name, int[] inputShape, List<String> classNames, float[] mean, float[] std,
            String description, Double testAccuracy, String featuresMethod) {
        this(name, inputShape, classNames, mean, std, description, testAccuracy, featuresMethod, null);
    }

    /** A card without a features method (built-in models; code written before the key existed). */
    public ModelCard(String name, int[] inputShape, List<String> classNames, float[] mean, float[] std,
            String description, Double testAccuracy) {
        this(name, inputShape, classNames, mean, std, description, testAccuracy, null);
    }

    public int channels() {
        return inputShape[0];
    }

    public int height() {
        return inputShape[1];
    }

    public int width() {
        return inputShape[2];
    }

    public int numClasses() {
        return classNames == null ? 0 : classNames.size();
    }

    /** True for a vision-language (CLIP-style) model: image and text encoders, classes made of text. */
    public boolean isVisionLanguage() {
        return visionLanguage != null;
    }

    /** This card with CLASSNAMES (a vision-language model read through a set of prompts). */
    public ModelCard withClassNames(List<String> names) {
        return new ModelCard(name, inputShape, List.copyOf(names), mean, std, description, testAccuracy, featuresMethod,
                visionLanguage);
    }
}
