package org.reprogram.workbench.core.mapping.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.mapping.AbstractLabelMapping;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.model.Interop;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.param.Problem;

/**
 * {@code descriptions}: AttrVR (Cai et al., ICLR'25; caichengyi/AttrVR {@code tools.py getLogits}). Each
 * class has several descriptions; each description is a prompt, and class t's logit is the mean of its
 * k largest description logits (scale x cosine), k = {@code --top-k} (the authors' 3). Nothing on the
 * output side is learned. Differences from the authors: one descriptions file instead of their two
 * attribute sets (descriptive and distinctive, mixed with lambda = 0.5), and every description of a class
 * is used, where they sample m = 20 per class (with replacement when fewer); k is at most a class's
 * count of descriptions. The descriptions are the user's (or AttrVR's LLM-made files); no language model
 * is called.
 */
public final class DescriptionsMapping extends AbstractLabelMapping {

    private final int[][] groups;
    private final int k;

    DescriptionsMapping(int[][] groups, int sourceClasses, int k, NDManager parent) {
        super(sourceClasses, groups.length, parent);
        this.groups = groups;
        this.k = k;
    }

    @Override
    public String name() {
        return "descriptions";
    }

    @Override
    public NDArray apply(NDArray sourceLogits) {
        NDList perClass = new NDList();
        for (int[] g : groups) {
            NDArray mine = sourceLogits.get(":, " + g[0] + ":" + (g[g.length - 1] + 1));
            int kk = Math.min(k, g.length);
            perClass.add(mine.topK(kk, 1, true, false).get(0).mean(new int[] {1}));
        }
        return NDArrays.stack(perClass, 1);
    }

    @Override
    public boolean needsFrequencies(int epoch) {
        return false;
    }

    @Override
    public void update(double[][] frequencies) {
        // fixed
    }

    /** 1/n where description s belongs to class t (the views' picture of the groups; apply takes the top k). */
    @Override
    public float[][] weights() {
        float[][] w = new float[ks][kt];
        for (int t = 0; t < kt; t++) {
            for (int s : groups[t]) {
                w[s][t] = 1f / groups[t].length;
            }
        }
        return w;
    }

    @Override
    public int[][] assignment() {
        int[][] copy = new int[groups.length][];
        for (int t = 0; t < copy.length; t++) {
            copy[t] = groups[t].clone();
        }
        return copy;
    }

    @Override
    public float[] state() {
        return new float[0];
    }

    @Override
    public void loadState(float[] state) {
        // nothing learned
    }

    @Override
    public Interop interop() {
        return Interop.notExportable("mapping 'descriptions' takes the mean of each class's top " + k + " description"
                + " logits: not a linear layer other tools could apply from plain arrays");
    }

    /** Registration: id "descriptions". */
    public static final class Type extends AbstractTextMappingType {
        public Type() {
            super("descriptions", "descriptions – several per class (AttrVR)",
                    "Several descriptions per class; a class scores its top-k descriptions",
                    "Vision-language sources: descriptions from a JSON file (AttrVR).", false,
                    List.of(TextSettings.CLASS_NAMES, TextSettings.DESCRIPTIONS, TextSettings.TOP_K));
        }

        @Override
        public PromptSet prompts(List<String> targetClasses, ParameterValues settings) {
            List<String> names = TextSettings.classNames(settings, targetClasses);
            return PromptSet.descriptions(names, DescriptionsFile.read(file(settings), names));
        }

        @Override
        public List<Problem> problems(MappingContext c) {
            List<Problem> out = new ArrayList<>(super.problems(c));
            if (out.isEmpty() && c.settings().get(TextSettings.DESCRIPTIONS).isBlank()) {
                out.add(Problem.of(TextSettings.DESCRIPTIONS, "{} must be given for mapping 'descriptions'",
                        "name a JSON file " + DescriptionsFile.FIX.substring("write ".length())));
            } else if (out.isEmpty()) {
                try {
                    prompts(c.targetClasses(), c.settings());
                } catch (UserInputException e) {
                    out.add(Problem.of(TextSettings.DESCRIPTIONS, "{}: " + e.getMessage(), null));
                }
            }
            return out;
        }

        @Override
        public LabelMapping create(MappingContext c, NDManager manager) {
            PromptSet prompts = prompts(c.targetClasses(), c.settings());
            int[][] groups = new int[c.targetClassCount()][];
            List<List<Integer>> members = new ArrayList<>();
            for (int t = 0; t < groups.length; t++) {
                members.add(new ArrayList<>());
            }
            for (int s = 0; s < prompts.size(); s++) {
                members.get(prompts.prompts().get(s).targetClass()).add(s);
            }
            for (int t = 0; t < groups.length; t++) {
                groups[t] = members.get(t).stream().mapToInt(Integer::intValue).toArray();
            }
            return new DescriptionsMapping(groups, c.sourceClasses(), c.settings().get(TextSettings.TOP_K), manager);
        }

        private static Path file(ParameterValues settings) {
            return Path.of(settings.get(TextSettings.DESCRIPTIONS));
        }
    }
}
