package org.reprogram.workbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.train.SourcePretrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pretrain}: the recipe of the built-in source model. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Train the built-in source CNN on Fashion-MNIST IDX files (Debian: dataset-fashion-mnist).")
public final class PretrainCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "/usr/share/datasets/fashion-mnist", description = "folder with the IDX files")
    Path data;

    @Option(names = "--out", defaultValue = "assets/models/fmnist-cnn",
            description = "model folder to write (default: ${DEFAULT-VALUE}, the shipped built-in model: needs --force)")
    Path out;

    @Option(names = "--force", description = "replace an existing model folder (swapped in only once the new model is complete)")
    boolean force;

    @Option(names = "--epochs", defaultValue = "4")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.002")
    double lr;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Override
    public Integer call() throws Exception {
        SourcePretrainer.requireWritable(out, force); // before minutes of training
        double acc = SourcePretrainer.run(new SourcePretrainer.Options(data, out, epochs, batchSize, lr, seed, 32, force),
                System.out::println);
        System.out.printf(java.util.Locale.ROOT, "saved %s (test accuracy %.4f)%n", out, acc);
        return 0;
    }
}
