package org.reprogram.workbench.core.model;

import java.util.List;

/**
 * One "source class" of a vision-language model read through text: the texts whose embeddings are
 * averaged into its class embedding (one text, or one per template for an ensemble), the name it is
 * shown with, and the target class it was written for.
 *
 * @param label what the views and mapping.csv call it ("This is a photo of a coat.")
 * @param texts the texts embedded (each L2-normalised; their mean is normalised again)
 * @param targetClass the index of the target class whose name or description it holds
 */
public record Prompt(String label, List<String> texts, int targetClass) {

    public Prompt {
        texts = List.copyOf(texts);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one text");
        }
    }

    /** A prompt of one text, shown as itself. */
    public static Prompt of(String text, int targetClass) {
        return new Prompt(text, List.of(text), targetClass);
    }
}
