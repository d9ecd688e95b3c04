package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vision-language model read as a classifier whose classes are a {@link PromptSet}: source logits =
 * logit scale x cosine(image embedding, prompt embeddings), the {@code network(x)} of ILM-VP's and
 * BLM's CLIP experiments ({@code model.logit_scale.exp() * x_emb @ txt_emb.t()}). The prompt
 * embeddings are computed once, here, with the frozen text encoder; a prompt of several texts is the
 * normalised mean of their normalised embeddings (ILM-VP's {@code get_text_ensemble_embedding}).
 * Every program, mapping and trainer then works on it as on any source model.
 */
public final class PromptClassifier implements SourceModel {

    private final VisionLanguageModel model;
    private final PromptSet prompts;
    private final ModelCard card;
    private final NDManager manager;
    private final NDArray embeddings; // [D, P], normalised columns
    private final boolean ownsModel;

    private PromptClassifier(VisionLanguageModel model, PromptSet prompts, boolean ownsModel) {
        this.model = model;
        this.prompts = prompts;
        this.ownsModel = ownsModel;
        this.card = model.card().withClassNames(prompts.labels());
        this.manager = model.manager().newSubManager();
        float[][] e = embed(model, prompts);
        int d = model.card().visionLanguage().embeddingSize();
        float[] flat = new float[d * e.length];
        for (int p = 0; p < e.length; p++) {
            for (int j = 0; j < d; j++) {
                flat[j * e.length + p] = e[p][j];
            }
        }
        this.embeddings = manager.create(flat, new Shape(d, e.length));
    }

    /** MODEL read through PROMPTS; closing the classifier closes the model. */
    public static PromptClassifier of(VisionLanguageModel model, PromptSet prompts) {
        return new PromptClassifier(model, prompts, true);
    }

    /** MODEL read through PROMPTS; closing the classifier leaves the model open (tests, checks). */
    public static PromptClassifier shared(VisionLanguageModel model, PromptSet prompts) {
        return new PromptClassifier(model, prompts, false);
    }

    /** The same model read through OTHER prompts (the zero-shot classifier); closing it leaves the model open. */
    public PromptClassifier withPrompts(PromptSet other) {
        return new PromptClassifier(model, other, false);
    }

    /** One normalised embedding per prompt: each distinct text is encoded once. */
    static float[][] embed(VisionLanguageModel model, PromptSet prompts) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Prompt p : prompts.prompts()) {
            p.texts().forEach(t -> index.putIfAbsent(t, index.size()));
        }
        float[][] text = model.encodeText(new ArrayList<>(index.keySet()));
        int d = model.card().visionLanguage().embeddingSize();
        float[][] out = new float[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            List<String> texts = prompts.prompts().get(i).texts();
            double[] sum = new double[d];
            for (String t : texts) {
                float[] v = text[index.get(t)];
                for (int j = 0; j < d; j++) {
                    sum[j] += v[j];
                }
            }
            double norm = 0;
            for (double v : sum) {
                norm += v * v;
            }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            float[] row = new float[d];
            for (int j = 0; j < d; j++) {
                row[j] = (float) (sum[j] / norm);
            }
            out[i] = row;
        }
        return out;
    }

    @Override
    public NDArray logits(NDArray pixels) {
        return model.encodeImage(pixels).matMul(embeddings).mul(model.logitScale());
    }

    /** The prompt embeddings [P][D] (what a bundle carries, and the mapping view shows as text). */
    public float[][] promptEmbeddings() {
        float[] flat = embeddings.transpose().toFloatArray();
        int d = model.card().visionLanguage().embeddingSize();
        float[][] out = new float[prompts.size()][d];
        for (int p = 0; p < out.length; p++) {
            System.arraycopy(flat, p * d, out[p], 0, d);
        }
        return out;
    }

    public PromptSet prompts() {
        return prompts;
    }

    public VisionLanguageModel model() {
        return model;
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }

    @Override
    public NDManager manager() {
        return model.manager();
    }

    @Override
    public Device device() {
        return model.device();
    }

    @Override
    public String origin() {
        return model.origin();
    }

    @Override
    public void close() {
        manager.close();
        if (ownsModel) {
            model.close();
        }
    }
}
