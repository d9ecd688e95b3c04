package org.reprogram.workbench.core.model;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;

/**
 * A Hugging Face {@code tokenizer.json} (DJL's {@link HuggingFaceTokenizer}; the tokenizers jar ships
 * its native library, nothing downloads) that turns texts into [N, L] token ids and attention masks
 * for the text encoder. The tokenizer adds its own special tokens (CLIP's start and end of text);
 * padding and cutting to the context length L happen here, the same for every tokenizer: pad with
 * the sidecar's {@code padId}; a text longer than L keeps its first L tokens, or, when the tokenizer
 * ends every text with a special token (CLIP's end of text: the empty text encodes to tokens), its
 * first L - 1 tokens and that last one, which open_clip and Hugging Face CLIP read the embedding at
 * (open_clip's tokenizer cuts the same way).
 */
public final class TextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int contextLength;
    private final int padId;
    private final boolean keepsLast;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int contextLength, int padId) {
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.padId = padId;
        this.keepsLast = tokenizer.encode("").getIds().length > 0;
    }

    /** The tokenizer in FILE; an unreadable file is a {@link UserInputException} naming it and SIDECAR's key. */
    public static TextTokenizer load(Path file, Path sidecar, int contextLength, int padId) {
        if (!Files.isRegularFile(file)) {
            throw UserInputException.forFile(file, "the tokenizer named by \"tokenizer\" in " + sidecar.getFileName()
                    + " is missing", "put the model's Hugging Face tokenizer.json there (docs/python/export_vlm.py"
                    + " writes it), or correct \"tokenizer\"");
        }
        try {
            HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file, Map.of("addSpecialTokens", "true",
                    "truncation", "false", "padding", "false"));
            return new TextTokenizer(t, contextLength, padId);
        } catch (Exception | UnsatisfiedLinkError e) {
            String msg = String.valueOf(e.getMessage());
            int nl = msg.indexOf('\n');
            throw UserInputException.forFile(file, "is not a readable Hugging Face tokenizer ("
                    + (nl > 0 ? msg.substring(0, nl) : msg) + ")", "give the tokenizer.json saved by the model's"
                    + " tokenizer (tokenizer.save(\"tokenizer.json\") in Python, or the file from its hub page)", e);
        }
    }

    /**
     * TEXTS as the text encoder takes them, each encoded once.
     *
     * @param ids token ids [N][L], padded or cut to the context length
     * @param mask the attention mask [N][L]: 1 where a token is not padding
     */
    public record Tokens(long[][] ids, long[][] mask) {}

    /** The {@link Tokens} of TEXTS. */
    public Tokens tokenize(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        long[][] mask = new long[texts.size()][contextLength];
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = tokenizer.encode(texts.get(i));
            ids[i] = fit(e);
            java.util.Arrays.fill(mask[i], 0, Math.min(contextLength, e.getIds().length), 1L);
        }
        return new Tokens(ids, mask);
    }

    /** Token ids [N][L] of TEXTS, padded or cut to the context length. */
    public long[][] ids(List<String> texts) {
        return tokenize(texts).ids();
    }

    private long[] fit(Encoding e) {
        long[] ids = e.getIds();
        long[] out = new long[contextLength];
        java.util.Arrays.fill(out, padId);
        if (ids.length <= contextLength) {
            System.arraycopy(ids, 0, out, 0, ids.length);
        } else if (keepsLast) {
            System.arraycopy(ids, 0, out, 0, contextLength - 1);
            out[contextLength - 1] = ids[ids.length - 1];
        } else {
            System.arraycopy(ids, 0, out, 0, contextLength);
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
