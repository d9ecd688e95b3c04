package org.reprogram.workbench.core.train;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.model.PromptClassifier;

/**
 * A notice when two target classes' prompts embed (almost) identically: the model cannot tell those
 * classes apart by their words, so zero-shot is chance between them and no program can separate them
 * through the text. It happens when the class names are words the model does not know (the shipped
 * fmnist-clip reads the digit names "0".."9" all as "[UNK]").
 */
final class IndistinctPrompts {

    /** Cosine above which two class embeddings count as the same. */
    static final double SAME = 0.9999;

    private IndistinctPrompts() {}

    /** The notice for SOURCE's classes, or null when every pair of classes embeds differently. */
    static String notice(PromptClassifier source) {
        List<String> names = source.prompts().classNames();
        float[][] e = source.classEmbeddings();
        List<String> same = new ArrayList<>();
        int pairs = 0;
        for (int a = 0; a < e.length; a++) {
            for (int b = a + 1; b < e.length; b++) {
                if (cosine(e[a], e[b]) > SAME) {
                    pairs++;
                    if (same.size() < 3) {
                        same.add("'" + names.get(a) + "' and '" + names.get(b) + "'");
                    }
                }
            }
        }
        if (pairs == 0) {
            return null;
        }
        return "the prompts of " + String.join(", ", same) + (pairs > same.size() ? " (and " + (pairs - same.size())
                + " more pairs)" : "") + " embed identically: the model cannot tell those classes apart by their"
                + " words (words it does not know all read the same). Give class names it knows (--class-names,"
                + " or the Prompts section of the setup)";
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.max(1e-12, Math.sqrt(na * nb));
    }
}
