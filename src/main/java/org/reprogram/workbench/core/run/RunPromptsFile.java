package org.reprogram.workbench.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.Json;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.Prompt;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.model.PromptSet;

/**
 * {@value RunFiles#PROMPTS}: the prompts a run on a vision-language source reads it through, saved when
 * training starts: the class names, each prompt's label, texts and target class, and the prompt
 * embeddings [P][D] the frozen text encoder gave ({@link PromptClassifier#promptEmbeddings()}), with the
 * model's logit scale. Predicting from the run or from its bundle reads them back
 * ({@link PromptClassifier#of(org.reprogram.workbench.core.model.VisionLanguageModel, PromptSet,
 * float[][])}): no text is encoded again and a descriptions file is not needed. Written atomically (as
 * every whole file of a run folder) by the process that holds the folder's {@link RunFolderLock}.
 */
public final class RunPromptsFile {

    /** The layout version written in {@code "format"}. */
    public static final int FORMAT = 1;

    /**
     * The saved prompts.
     *
     * @param model the name of the model that embedded them
     * @param logitScale its logit scale
     * @param prompts the prompts (class names, labels, texts, target classes)
     * @param embeddings one normalised embedding per prompt, [P][D]
     */
    public record Saved(String model, float logitScale, PromptSet prompts, float[][] embeddings) {}

    /** The JSON keys (Gson fills what is there). */
    private record Raw(Integer format, String model, Integer embeddingSize, Float logitScale, List<String> classNames,
            List<RawPrompt> prompts, float[][] embeddings) {}

    private record RawPrompt(String label, List<String> texts, Integer targetClass) {}

    private RunPromptsFile() {}

    /** Writes SOURCE's prompts into run folder DIR when it is a vision-language model read through prompts. */
    public static void writeFor(Path dir, SourceModel source) throws IOException {
        if (source instanceof PromptClassifier p) {
            write(dir.resolve(RunFiles.PROMPTS), p);
        }
    }

    /** Writes CLASSIFIER's prompts and embeddings to FILE (atomically). */
    public static void write(Path file, PromptClassifier classifier) throws IOException {
        Json.writeString(file, toJson(classifier));
    }

    /**
     * The file's text: the head pretty-printed, the embeddings one prompt a line. Floats are written as
     * Java's shortest decimal form, so they read back bit for bit.
     */
    public static String toJson(PromptClassifier classifier) {
        PromptSet set = classifier.prompts();
        float[][] e = classifier.promptEmbeddings();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("format", FORMAT);
        head.put("model", classifier.card().name());
        head.put("embeddingSize", classifier.model().card().visionLanguage().embeddingSize());
        head.put("logitScale", classifier.model().logitScale());
        head.put("classNames", set.classNames());
        List<Map<String, Object>> prompts = new ArrayList<>();
        for (Prompt p : set.prompts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", p.label());
            m.put("texts", p.texts());
            m.put("targetClass", p.targetClass());
            prompts.add(m);
        }
        head.put("prompts", prompts);
        String text = Json.GSON.toJson(head);
        StringBuilder sb = new StringBuilder(text.substring(0, text.lastIndexOf('}')).stripTrailing());
        sb.append(",\n  \"embeddings\": [");
        for (int p = 0; p < e.length; p++) {
            sb.append(p == 0 ? "\n    " : ",\n    ").append(Json.COMPACT.toJson(e[p]));
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    /** True when run folder DIR has saved prompts. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(RunFiles.PROMPTS));
    }

    /**
     * The prompts saved in FILE; a damaged file is a {@link UserInputException} naming it, with FIX.
     */
    public static Saved read(Path file, String fix) {
        Raw raw = Json.read(file, Raw.class, fix);
        if (raw.format() == null || raw.format() != FORMAT) {
            throw UserInputException.forFile(file, "is not a prompts file of format " + FORMAT + " (\"format\": "
                    + raw.format() + ")", fix);
        }
        if (raw.classNames() == null || raw.classNames().isEmpty() || raw.prompts() == null || raw.prompts().isEmpty()
                || raw.embeddings() == null || raw.logitScale() == null || !(raw.logitScale() > 0)) {
            throw UserInputException.forFile(file, "lacks \"classNames\", \"prompts\", \"embeddings\" or a positive"
                    + " \"logitScale\"", fix);
        }
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < raw.prompts().size(); i++) {
            RawPrompt p = raw.prompts().get(i);
            if (p == null || p.label() == null || p.texts() == null || p.texts().isEmpty() || p.targetClass() == null
                    || p.targetClass() < 0 || p.targetClass() >= raw.classNames().size()) {
                throw UserInputException.forFile(file, "prompt " + (i + 1) + " needs a \"label\", its \"texts\" and a"
                        + " \"targetClass\" from 0 to " + (raw.classNames().size() - 1), fix);
            }
            prompts.add(new Prompt(p.label(), p.texts(), p.targetClass()));
        }
        if (raw.embeddings().length != prompts.size()) {
            throw UserInputException.forFile(file, "has " + raw.embeddings().length + " embeddings for "
                    + prompts.size() + " prompts", fix);
        }
        return new Saved(raw.model(), raw.logitScale(), new PromptSet(prompts, raw.classNames()), raw.embeddings());
    }
}
