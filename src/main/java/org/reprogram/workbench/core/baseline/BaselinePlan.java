package org.reprogram.workbench.core.baseline;

import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.TorchScriptSourceModel;

/**
 * What a baseline configuration will really do, said before it runs: the head sits on the
 * penultimate features, or (a TorchScript model whose sidecar names no {@code "featuresMethod"})
 * fine-tune and scratch learn a linear mapping on the model's logits, and the linear probe cannot
 * run at all. Reads only the sidecar; a missing or broken one is left to the run to report.
 */
public final class BaselinePlan {

    private BaselinePlan() {}

    /** The one line the CLI prints before it loads anything. */
    public static String announcement(RunSpec c) {
        Method k = c.method();
        String how = k == Method.LINEAR_PROBE
                ? String.format(Locale.ROOT, "full-batch L-BFGS until the training loss stops falling, at most %d"
                        + " iterations, L2 %.0e, seed %d", c.optimization().epochs(), LinearProbeTrainer.L2, c.seed())
                : String.format(Locale.ROOT, "Adam lr %s, %d epochs, batch %d, seed %d", c.optimization().lr(),
                        c.optimization().epochs(), c.optimization().batchSize(), c.seed());
        return "baseline " + k.id() + ": " + description(c) + " (" + how + ")";
    }

    /** KIND's description for this source (the head on the logits where the model has no features method). */
    public static String description(RunSpec c) {
        ModelCard card = card(c.source());
        if (c.method() == Method.LINEAR_PROBE || card == null || card.featuresMethod() != null) {
            return c.method().description();
        }
        String weights = c.method() == Method.FINETUNE ? "all weights trainable"
                : "same architecture, fresh random (Kaiming) weights";
        return weights + " plus a learned linear mapping on the model's " + card.numClasses() + " logits (its sidecar"
                + " has no \"" + ModelCard.FEATURES_METHOD_KEY + "\", so there are no penultimate features to put a head on)";
    }

    /**
     * Why C cannot run on its source at all, or null: a linear probe on a TorchScript model whose
     * sidecar names no features method.
     */
    public static String cannotRun(RunSpec c) {
        ModelCard card = card(c.source());
        if (c.method() == Method.LINEAR_PROBE && card != null && card.featuresMethod() == null) {
            return FrozenFeatures.missingMethodMessage(Path.of(c.source()));
        }
        return null;
    }

    /** The sidecar of a TorchScript SOURCE, or null (built-in, missing or unreadable: the run says why). */
    private static ModelCard card(String source) {
        if (source == null || source.isBlank() || source.equals("builtin") || source.startsWith("builtin:")) {
            return null;
        }
        try {
            Path file = Path.of(source);
            return Files.isRegularFile(file) ? TorchScriptSourceModel.readSidecar(file) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
