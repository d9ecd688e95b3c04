package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the teaching demo, headless (built-in model to the shipped sample digits). */
@Command(name = "demo", mixinStandardHelpOptions = true, modelTransformer = ResourceOptions.Both.class,
        description = "Headless teaching demo: built-in Fashion-MNIST CNN reprogrammed to the sample digits.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", description = "run folder to create (default: a new folder under ~/reprogram-workbench/runs)")
    Path out;

    @Option(names = "--epochs", description = "override the preset's epochs")
    Integer epochs;

    @Option(names = "--skip-bad-images", description = "leave unreadable target images out instead of refusing the"
            + " dataset")
    boolean skipBadImages;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunSpec config = ResourceOptions.read(spec, RunSpec.demo(TargetDatasets.sampleDigits().toString())
                .with(Settings.SKIP_BAD_IMAGES, skipBadImages));
        if (epochs != null) {
            config = config.with(Settings.EPOCHS, epochs);
        }
        System.out.println("demo: " + config.source() + " -> " + config.data().target() + ", program " + config.program().id()
                + ", mapping " + config.mapping().id() + ", " + config.optimization().epochs() + " epochs");
        return TrainCommand.train(config, out);
    }
}
