package org.reprogram.workbench.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The prompts a text label mapping reads a vision-language model through: they are the model's
 * "source classes" for the run (logits = scale x cosine(image embedding, prompt embeddings)), built
 * from the target's class names and templates, or from descriptions. The layouts follow the authors:
 * {@link #ensemble} is CLIP's and AutoVP's averaged templates (one prompt per class), and
 * {@link #separate} is ILM-VP's and BLM's {@code get_saparate_text_embedding} (every template x
 * class as its own prompt, template-major: prompt i is template i / K_t with class i % K_t).
 *
 * @param prompts the prompts, in source-class order
 * @param classNames the target class names they were made from
 */
public record PromptSet(List<Prompt> prompts, List<String> classNames) {

    public PromptSet {
        prompts = List.copyOf(prompts);
        classNames = List.copyOf(classNames);
    }

    /** One prompt per class: its templates averaged (one template: the filled template itself). */
    public static PromptSet ensemble(List<String> classNames, List<String> templates) {
        List<Prompt> out = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            List<String> texts = new ArrayList<>();
            for (String t : templates) {
                texts.add(Templates.fill(t, classNames.get(c)));
            }
            String label = templates.size() == 1 ? texts.get(0)
                    : texts.get(0) + " (+" + (templates.size() - 1) + " templates)";
            out.add(new Prompt(label, texts, c));
        }
        return new PromptSet(out, classNames);
    }

    /** Every template x class as its own prompt, template-major (ILM-VP's and BLM's layout). */
    public static PromptSet separate(List<String> classNames, List<String> templates) {
        List<Prompt> out = new ArrayList<>();
        for (String t : templates) {
            for (int c = 0; c < classNames.size(); c++) {
                out.add(Prompt.of(Templates.fill(t, classNames.get(c)), c));
            }
        }
        return new PromptSet(out, classNames);
    }

    /** Each class's descriptions as prompts, class by class (AttrVR's attributes). */
    public static PromptSet descriptions(List<String> classNames, List<List<String>> perClass) {
        List<Prompt> out = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            for (String d : perClass.get(c)) {
                out.add(Prompt.of(d, c));
            }
        }
        return new PromptSet(out, classNames);
    }

    /** The prompts' labels: the source class names of the run. */
    public List<String> labels() {
        return prompts.stream().map(Prompt::label).toList();
    }

    public int size() {
        return prompts.size();
    }

    /** The zero-shot classifier's prompts: each class's texts together (CLIP's template ensemble). */
    public PromptSet perClass() {
        List<List<String>> texts = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            texts.add(new ArrayList<>());
        }
        for (Prompt p : prompts) {
            texts.get(p.targetClass()).addAll(p.texts());
        }
        List<Prompt> out = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            List<String> t = texts.get(c).stream().distinct().toList();
            out.add(new Prompt(t.size() == 1 ? t.get(0) : t.get(0) + " (+" + (t.size() - 1) + ")", t, c));
        }
        return new PromptSet(out, classNames);
    }
}
