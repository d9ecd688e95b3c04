package org.reprogram.workbench.core.predict;

import org.reprogram.workbench.core.program.FrameSettings;
import java.util.Locale;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.spec.RunSpec;

/**
 * The {@code MODEL_CARD.md} of a bundle: what the reprogrammed classifier is, how it was trained,
 * how well it did, its limits, and how to use it with and without the workbench.
 */
final class BundleCard {

    private BundleCard() {}

    static String markdown(TrainedRun run, ModelCard card, BundleManifest m) {
        RunSpec c = run.config();
        StringBuilder s = new StringBuilder();
        s.append("# Reprogrammed classifier: ").append(run.name()).append("\n\n");
        s.append("A frozen source classifier reused for a new task through a learned input program and an output"
                + " label mapping (model reprogramming). The source model's weights were not changed.\n\n");
        s.append("## What it predicts\n");
        s.append("- Target classes (").append(run.targetClasses().size()).append("): ")
                .append(String.join(", ", run.targetClasses())).append('\n');
        s.append("- Source model: `").append(card.name()).append("` (").append(m.source().kind()).append(", input ")
                .append(card.channels()).append('x').append(card.height()).append('x').append(card.width()).append(", ")
                .append(card.numClasses()).append(card.isVisionLanguage() ? " prompts as its classes)" : " classes)");
        if (card.description() != null) {
            s.append(": ").append(card.description());
        }
        if (card.isVisionLanguage()) {
            s.append("\n- The source is a vision-language model read through the run's prompts (`")
                    .append(BundleManifest.PROMPTS).append("`: class names, each prompt's texts and target class, and"
                    + " the prompt embeddings the frozen text encoder gave, used as they are: no text is encoded"
                    + " again)");
        }
        s.append("\n\n## How it was made\n");
        s.append(String.format(Locale.ROOT, "- Program `%s`%s, mapping `%s`, %s trainer, loss %s%n", c.program().id(),
                c.programType().parameters().contains(FrameSettings.FRAME) ? " (frame "
                        + c.program().settings().get(FrameSettings.FRAME) + ", inner size " + m.placement().innerHeight()
                        + " px)" : "", c.mapping().id(), c.trainer().kind().id(), c.optimization().loss().id()));
        s.append(String.format(Locale.ROOT, "- %d epochs, batch %d, Adam lr %s (%s schedule), seed %d, shots %s,"
                + " validation share %s%n", c.optimization().epochs(), c.optimization().batchSize(), c.optimization().lr(),
                c.optimization().schedule().id(), c.seed(), c.data().shots() == 0 ? "all"
                        : Integer.toString(c.data().shots()), c.data().valFraction()));
        s.append("- Target data: `").append(c.data().target()).append("`\n");
        s.append("- State in this bundle: ").append(run.describeState())
                .append(run.choice() == StateChoice.BEST ? ", the epoch with the best validation accuracy" : "")
                .append('\n');
        s.append("- Test accuracy of the run with this state: ").append(Double.isNaN(run.testAccuracy()) ? "not recorded"
                + " (the run did not finish)" : String.format(Locale.ROOT, "%.4f", run.testAccuracy())).append("\n\n");
        s.append("## Limits\n");
        s.append("- Only these target classes: every image gets one of them, whatever it shows.\n");
        s.append("- Images are preprocessed like the training images: decoded to [0, 1], gray repeated to colour or"
                + " colour turned to luminance as the source needs, resized (box-halving, then bilinear) into the "
                + m.placement().innerHeight() + "x" + m.placement().innerWidth() + " window of the canvas. Images"
                + " unlike the training data (other sizes, colours, framing) may be classified poorly.\n");
        s.append("- The accuracy above was measured on the run's own test split only.\n\n");
        s.append("## Use it\n");
        s.append("- Workbench: `java -jar reprogram-workbench.jar predict THIS.zip IMAGE|DIR...` (checks `SHA256SUMS`"
                + " first).\n");
        s.append(outsideTheWorkbench(m.interop(), run.source().builtin()));
        s.append("\n- Check the files: unzip, then `sha256sum -c SHA256SUMS`.\n");
        return s.toString();
    }

    /** The card's line on using the bundle without the workbench: the interop arrays, or why there are none. */
    static String outsideTheWorkbench(BundleManifest.Interop interop, boolean builtinSource) {
        if (interop.unavailable() != null) {
            return "- Outside the workbench: not available, " + interop.unavailable()
                    + " (`interop.unavailable` in `bundle.json`).";
        }
        String s = "- Python: `interop/` holds the program and mapping as `.npy` arrays; `bundle.json` gives the"
                + " formulas (`interop.program`, `interop.mapping`) and the canvas placement.";
        if (interop.source() != null) {
            s += " The source logits follow `interop.source`: " + interop.source() + ".";
        }
        return s + (builtinSource ? " The built-in source model is a DJL network (`model/weights.params`), not"
                + " TorchScript: outside the workbench, rebuild it from `model/model.json`."
                : " With PyTorch: `python3 docs/python/predict_bundle.py THIS.zip IMAGE...` from the workbench's"
                + " repository, or the snippet in its README.");
    }
}
