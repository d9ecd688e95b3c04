package org.reprogram.workbench.ui.setup;

import ai.djl.Device;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.model.VisionLanguageModel;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * Reads the card of a source spec and, for a TorchScript file, loads it once on the CPU to prove
 * it works: in the background, newest request wins. Part of {@link SetupViewModel}.
 */
public final class ModelChecker {

    final ObjectProperty<ModelCard> card = new SimpleObjectProperty<>();
    final StringProperty error = new SimpleStringProperty("");
    final BooleanProperty checking = new SimpleBooleanProperty();
    private final TaskExecutor executor;
    private long generation;

    ModelChecker(TaskExecutor executor) {
        this.executor = executor;
    }

    void check(String spec) {
        long gen = ++generation;
        card.set(null);
        error.set("");
        if (spec == null || spec.isBlank()) {
            checking.set(false);
            error.set("choose a source model");
            return;
        }
        checking.set(true);
        executor.execute(() -> validate(spec), c -> {
            if (gen == generation) {
                checking.set(false);
                card.set(c);
            }
        }, e -> {
            if (gen == generation) {
                checking.set(false);
                error.set(message(spec, e));
            }
        });
    }

    /**
     * The card; a TorchScript model is also loaded (and closed) so a broken file shows here, not at
     * Start. A vision-language model is loaded with its encoders and tokenizer, without prompts (they
     * come from the mapping's settings, checked with the form).
     */
    static ModelCard validate(String spec) {
        ModelCard c = SourceModels.card(spec);
        if (!spec.startsWith("builtin")) {
            if (c.isVisionLanguage()) {
                try (VisionLanguageModel m = SourceModels.openVisionLanguage(spec, Device.cpu())) {
                    m.card();
                }
            } else {
                try (SourceModel m = SourceModels.open(spec, Device.cpu())) {
                    m.card();
                }
            }
        }
        return c;
    }

    static String message(String spec, Throwable e) {
        if (e instanceof UserInputException) {
            return Fields.words(e.getMessage());
        }
        return spec + ": cannot load the model (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "). Fix: choose a TorchScript file saved with torch.jit.save and its .pt.json sidecar (a vision-language model: with its"
                + " tokenizer.json named in the sidecar)";
    }
}
