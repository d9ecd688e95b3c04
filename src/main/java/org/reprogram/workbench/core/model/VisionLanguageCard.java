package org.reprogram.workbench.core.model;

import java.util.List;

/**
 * The text side of a vision-language (CLIP-style) source model, as its sidecar declares it (see
 * {@link VisionLanguageSidecar}): the TorchScript methods of the two encoders, the tokenizer and
 * its context length, the shared embedding size and the logit scale.
 *
 * @param imageMethod method of the module: normalised images [N, C, H, W] -> image embeddings [N, D]
 *     (open_clip {@code encode_image}, Hugging Face {@code get_image_features})
 * @param textMethod method of the module: token ids [N, L] (int64, and the attention mask when
 *     {@code textInputs} lists it) -> text embeddings [N, D]
 * @param textInputs what the text method takes, in order: {@code ["input_ids"]} or
 *     {@code ["input_ids", "attention_mask"]}
 * @param tokenizer the Hugging Face {@code tokenizer.json}, relative to the .pt file
 * @param contextLength L: every text is padded (with {@code padId}) or cut to this many tokens
 * @param padId the token id that pads
 * @param embeddingSize D, checked on load against both methods' outputs
 * @param logitScale the multiplier of the cosine similarities (CLIP's {@code logit_scale.exp()}, 100
 *     for OpenAI's models)
 */
public record VisionLanguageCard(String imageMethod, String textMethod, List<String> textInputs, String tokenizer,
        int contextLength, int padId, int embeddingSize, float logitScale) {

    public static final String INPUT_IDS = "input_ids";
    public static final String ATTENTION_MASK = "attention_mask";

    public VisionLanguageCard {
        textInputs = textInputs == null ? List.of(INPUT_IDS) : List.copyOf(textInputs);
    }

    /** Whether the text method takes the attention mask after the ids. */
    public boolean takesMask() {
        return textInputs.contains(ATTENTION_MASK);
    }
}
