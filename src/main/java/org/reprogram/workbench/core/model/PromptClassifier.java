package org.reprogram.workbench.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;

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
    /** The zero-shot classifier's class embeddings [K_t][D]; null until asked when built from saved embeddings. */
    private float[][] classEmbeddings;

    private PromptClassifier(VisionLanguageModel model, PromptSet prompts, boolean ownsModel) {
        this(model, prompts, encode(model, prompts), ownsModel);
    }

    /** The texts of PROMPTS, each encoded once, serve both the prompts and the class embeddings. */
    private PromptClassifier(VisionLanguageModel model, PromptSet prompts, Map<String, float[]> texts,
            boolean ownsModel) {
        this(model, prompts, average(texts, prompts, model), ownsModel);
        this.classEmbeddings = average(texts, prompts.perClass(), model);
    }

    private PromptClassifier(VisionLanguageModel model, PromptSet prompts, float[][] e, boolean ownsModel) {
        this.model = model;
        this.prompts = prompts;
        this.ownsModel = ownsModel;
        this.card = model.card().withClassNames(prompts.labels());
        this.manager = model.manager().newSubManager();
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

    /**
     * MODEL read through PROMPTS whose embeddings [P][D] were computed before ({@link #promptEmbeddings()},
     * as a run's {@code prompts.json} and a bundle keep them): nothing is encoded, so the texts' sources (a
     * descriptions file) are not needed. Embeddings that do not fit (one row per prompt, the model's
     * embedding size, finite values) are a {@link UserInputException}; on it the model is closed.
     * Closing the classifier closes the model.
     */
    public static PromptClassifier of(VisionLanguageModel model, PromptSet prompts, float[][] embeddings) {
        try {
            requireFits(model, prompts, embeddings);
        } catch (UserInputException e) {
            model.close();
            throw e;
        }
        return new PromptClassifier(model, prompts, embeddings, true);
    }

    private static void requireFits(VisionLanguageModel model, PromptSet prompts, float[][] embeddings) {
        String fix = "use the model the prompts were embedded with, or compute the prompts again from the run's"
                + " config.json (delete the saved prompts)";
        if (embeddings == null || embeddings.length != prompts.size()) {
            throw new UserInputException("the saved prompt embeddings have " + (embeddings == null ? "no" : embeddings.length)
                    + " rows for " + prompts.size() + " prompts. Fix: " + fix);
        }
        int d = model.card().visionLanguage().embeddingSize();
        for (int p = 0; p < embeddings.length; p++) {
            if (embeddings[p] == null || embeddings[p].length != d) {
                throw new UserInputException("the saved embedding of prompt " + (p + 1) + " has "
                        + (embeddings[p] == null ? 0 : embeddings[p].length) + " values, but model '"
                        + model.card().name() + "' has embeddingSize " + d + ". Fix: " + fix);
            }
            for (float v : embeddings[p]) {
                if (!Float.isFinite(v)) {
                    throw new UserInputException("the saved embedding of prompt " + (p + 1) + " holds " + v + ". Fix: "
                            + fix);
                }
            }
        }
    }

    /** MODEL read through PROMPTS; closing the classifier leaves the model open (tests, checks). */
    public static PromptClassifier shared(VisionLanguageModel model, PromptSet prompts) {
        return new PromptClassifier(model, prompts, false);
    }

    /**
     * The zero-shot classifier: the same model read through {@link PromptSet#perClass()} (each class's
     * prompts together); its class embeddings come from the texts this classifier encoded, so nothing is
     * encoded again. Closing it leaves the model open.
     */
    public PromptClassifier zeroShot() {
        return new PromptClassifier(model, prompts.perClass(), classEmbeddings(), false);
    }

    /** The zero-shot classifier's class embeddings [K_t][D] (normalised). */
    public float[][] classEmbeddings() {
        if (classEmbeddings == null) { // built from saved embeddings: the texts are encoded now
            classEmbeddings = average(encode(model, prompts.perClass()), prompts.perClass(), model);
        }
        return classEmbeddings;
    }

    /** The normalised embedding of each distinct text of PROMPTS, each encoded once. */
    private static Map<String, float[]> encode(VisionLanguageModel model, PromptSet prompts) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(prompts.prompts().stream()
                .flatMap(p -> p.texts().stream()).toList()));
        float[][] e = model.encodeText(distinct);
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < e.length; i++) {
            out.put(distinct.get(i), e[i]);
        }
        return out;
    }

    /** One embedding per prompt of PROMPTS: the normalised mean of its texts' embeddings in TEXT. */
    private static float[][] average(Map<String, float[]> text, PromptSet prompts, VisionLanguageModel model) {
        int d = model.card().visionLanguage().embeddingSize();
        float[][] out = new float[prompts.size()][];
        for (int i = 0; i < prompts.size(); i++) {
            List<String> texts = prompts.prompts().get(i).texts();
            double[] sum = new double[d];
            for (String t : texts) {
                float[] v = text.get(t);
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
