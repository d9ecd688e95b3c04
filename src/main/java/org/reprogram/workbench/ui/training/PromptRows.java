package org.reprogram.workbench.ui.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprogram.workbench.core.train.RunInfo;
import org.reprogram.workbench.core.train.TrainingSnapshot;

/**
 * The label mapping of a run on a vision-language source in words: for each target class, the
 * prompt(s) it is read through at the shown step. The source classes of such a run are prompt texts
 * ({@link RunInfo#sourceClasses()}); a fixed or chosen mapping (text, text-ilm, descriptions) names
 * its prompts, a weighted one (text-blm) its heaviest with their weights. When every template x class
 * is a prompt (ILM-VP's and BLM's template-major layout), a chosen prompt also says its template's
 * number: text-ilm's choice moves between templates from epoch to epoch.
 */
final class PromptRows {

    /** Prompts written out beside a class at most; the rest are counted (all in the tooltip). */
    static final int SHOWN = 4;
    /** Prompts listed in a class's tooltip at most (a weighted mapping reads all of them). */
    static final int LISTED = 12;
    /** More prompts than this: the heatmap is too wide to read, the words stand alone. */
    static final int HEATMAP_MAX = 40;

    /**
     * One target class.
     *
     * @param target its name
     * @param text its prompt(s) as shown ("This is a photo of a coat.", or several, one per line)
     * @param tip every prompt it reads, with template numbers or weights
     */
    record Row(String target, String text, String tip) {}

    private PromptRows() {}

    /** The mapping panel's hint for a run on a vision-language source. */
    static final String HINT = "each target class is read as the text beside it (the source model's classes are"
            + " prompts; hover for all)";

    /** Whether the heatmap shows for the run INFO: not when its prompts are too many columns to read. */
    static boolean heatmapShown(RunInfo info) {
        return !isPromptRun(info) || info.sourceClasses().size() <= HEATMAP_MAX;
    }

    /** Whether INFO is a run whose source classes are prompts (a vision-language source). */
    static boolean isPromptRun(RunInfo info) {
        return info != null && info.zeroShot() != null;
    }

    /** The rows of S for the run INFO (none without mapping weights). */
    static List<Row> of(TrainingSnapshot s, RunInfo info) {
        if (s == null || s.mappingWeights() == null || s.mappingWeights().length == 0 || info == null) {
            return List.of();
        }
        float[][] w = s.mappingWeights();
        int ks = w.length;
        int kt = w[0].length;
        List<String> prompts = info.sourceClasses();
        // every template x class a prompt, one chosen per class: text-ilm (descriptions assign a class all of its own)
        boolean templateMajor = ks > kt && ks % kt == 0 && s.assignment() != null
                && java.util.Arrays.stream(s.assignment()).allMatch(a -> a.length == 1);
        List<List<MappingSources.Source>> sources = MappingSources.of(w, s.assignment(), LISTED);
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < kt; t++) {
            List<String> shown = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (MappingSources.Source src : sources.get(t)) {
                String p = SampleViews.name(prompts, src.sourceClass());
                String detail = src.assigned() ? templateMajor ? String.format(Locale.ROOT, "template %d of %d",
                        src.sourceClass() / kt + 1, ks / kt) : ""
                        : String.format(Locale.ROOT, "weight %.2f", src.weight());
                String line = detail.isEmpty() ? p : p + " (" + detail + ")";
                all.add(line);
                if (shown.size() < SHOWN) {
                    shown.add(line);
                }
            }
            String text = String.join("\n", shown) + (all.size() > shown.size()
                    ? "\n+" + (all.size() - shown.size()) + " more" : "");
            String target = SampleViews.name(info.targetClasses(), t);
            rows.add(new Row(target, text, target + " is read as:\n" + String.join("\n", all)));
        }
        return rows;
    }
}
