package org.reprogram.workbench.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModels;
import picocli.CommandLine.Command;

/** {@code models}: lists the built-in source models with their cards. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List the built-in source models (classifiers and vision-language models).")
public final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        for (ModelCard c : SourceModels.builtinCards()) {
            System.out.println("builtin:" + c.name() + (c.name().equals(SourceModels.DEFAULT_BUILTIN) ? "  (default: builtin)" : ""));
            if (c.isVisionLanguage()) { // its classes are the prompts of a text mapping
                System.out.println("  vision-language, input " + Arrays.toString(c.inputShape()) + ", embedding size "
                        + c.visionLanguage().embeddingSize() + ": classes are the prompts of --mapping text, text-ilm,"
                        + " text-blm or descriptions");
            } else {
                System.out.println("  input " + Arrays.toString(c.inputShape()) + ", " + c.numClasses() + " classes: "
                        + String.join(", ", c.classNames()));
            }
            System.out.println("  " + c.description());
        }
        return 0;
    }
}
