package org.reprogram.workbench.core.predict;

import java.util.List;
import java.util.Map;

/**
 * {@code bundle.json}, the first file of an exported bundle: what the bundle holds and how to
 * apply it without the workbench (see README, "Predict and export").
 *
 * @param format always {@value #FORMAT}
 * @param version layout version ({@value #VERSION})
 * @param run the run folder's name
 * @param exportedAt when (ISO-8601, UTC)
 * @param state "best" or "final"
 * @param epoch the epoch the state was taken after
 * @param testAccuracy the run's recorded test accuracy with this state (null when unknown)
 * @param evalBatchSize the batch size the run evaluated with
 * @param program program id
 * @param mapping mapping id
 * @param source the source model: kind and the bundle's files
 * @param sourceClasses source class names
 * @param targetClasses target class names
 * @param placement where a target image goes on the canvas
 * @param interop the plain arrays of the program and mapping and the formulas that apply them
 * @param prompts a vision-language run's {@value #PROMPTS} (its prompts and their embeddings, so the bundle
 *     predicts without encoding text or reading a descriptions file); null for a classifier's run
 */
public record BundleManifest(String format, int version, String run, String exportedAt, String state, int epoch,
        Double testAccuracy, int evalBatchSize, String program, String mapping, Source source,
        List<String> sourceClasses, List<String> targetClasses, Canvas placement, Interop interop, String prompts) {

    public static final String FORMAT = "reprogram-workbench-bundle";
    public static final int VERSION = 1;

    /** Entry names inside the zip. */
    public static final String MANIFEST = "bundle.json";
    public static final String CONFIG = "config.json";
    public static final String CARD = "MODEL_CARD.md";
    public static final String STATE_PROGRAM = "state/program.npy";
    public static final String STATE_MAPPING = "state/mapping.npy";
    public static final String MODEL_DIR = "model/";
    public static final String INTEROP_DIR = "interop/";
    /** A vision-language run's prompts and embeddings (the run folder's file of the same name). */
    public static final String PROMPTS = "prompts.json";

    /**
     * @param kind "torchscript" or "builtin"
     * @param name the model's name
     * @param files its files in the bundle; for TorchScript the .pt file first, then its sidecar (a
     *     vision-language model's tokenizer after them, at the path its sidecar names)
     * @param inputShape [C, H, W]
     * @param mean per-channel mean applied before the network (null: the model normalises itself)
     * @param std per-channel std (null with mean)
     */
    public record Source(String kind, String name, List<String> files, int[] inputShape, float[] mean, float[] std) {}

    /**
     * The target image resized to innerHeight x innerWidth, its top-left corner at (top, left) of a
     * zero canvas of channels x height x width.
     */
    public record Canvas(int channels, int height, int width, int innerHeight, int innerWidth, int top, int left) {}

    /**
     * @param program the program's formula, x' = ... in pixel space [0, 1], before the normalisation
     *     (null when unavailable)
     * @param mapping the mapping's formula from source logits to target logits (null when unavailable)
     * @param arrays array name -> .npy entry in the bundle (empty when unavailable)
     * @param unavailable why the program or mapping has no plain-array form, stated by it; null when it has
     *     one (absent in bundles written before programs and mappings stated their own form)
     * @param source how the source logits are computed from x' when it is not the model's forward: a
     *     vision-language model's image embedding against the prompt embeddings (arrays
     *     {@code prompt_embeddings} [P, D] and {@code logit_scale} [1]); null for a classifier
     */
    public record Interop(String program, String mapping, Map<String, String> arrays, String unavailable,
            String source) {

        /** A classifier's interop: the source logits are the model's forward. */
        public Interop(String program, String mapping, Map<String, String> arrays, String unavailable) {
            this(program, mapping, arrays, unavailable, null);
        }
    }
}
