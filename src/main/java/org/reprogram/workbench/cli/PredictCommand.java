package org.reprogram.workbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.predict.ImageInputs;
import org.reprogram.workbench.core.predict.Prediction;
import org.reprogram.workbench.core.predict.PredictionCsv;
import org.reprogram.workbench.core.predict.Predictor;
import org.reprogram.workbench.core.predict.StateChoice;
import org.reprogram.workbench.core.predict.TrainedRun;
import org.reprogram.workbench.core.run.RunFolderAccess;
import org.reprogram.workbench.core.spec.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code predict RUN_DIR|BUNDLE IMAGE|DIR...}: classifies images with a trained run or an exported
 * bundle, one line per image; unreadable images get one {@code error:} line each and exit code 2
 * while the others are still predicted.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, modelTransformer = ResourceOptions.ThreadsOnly.class,
        description = "Classify images with a trained run folder or an exported bundle: per image the target class"
                + " and its probability (top K), the source class the frozen model saw, and the file. Folders are"
                + " read recursively; an image in a folder named like a target class counts towards the accuracy.")
public final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR|BUNDLE", description = "a run folder, or a bundle written by export")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE|DIR",
            description = "PNG/JPEG/BMP/GIF files, or folders of them (read recursively)")
    List<Path> images;

    @Option(names = "--top", paramLabel = "K", defaultValue = "1",
            description = "target classes per image, most probable first (default 1)")
    int top;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write every prediction as CSV to FILE")
    Path csv;

    @Option(names = "--state", paramLabel = "best|final", description = "a run folder's state: best (the best"
            + " validation epoch; the default when the run has one) or final")
    String state;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "device (default: the run's)")
    String device;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new UserInputException("--top " + top + " must be at least 1. Fix: e.g. --top 3");
        }
        if (csv != null && Files.isDirectory(csv)) {
            throw UserInputException.forFile(csv, "is a folder", "give a file name for --csv, e.g. predictions.csv");
        }
        int threads = ResourceOptions.read(spec, RunSpec.defaults("")).resources().threads();
        StateChoice choice = state == null ? null : StateChoice.parse(state);
        List<Prediction> all = new ArrayList<>();
        try (Predictor predictor = Predictor.open(model, choice, device, threads)) {
            TrainedRun run = predictor.run();
            run.notices().forEach(n -> System.err.println("warning: " + n));
            int k = Math.min(top, run.targetClasses().size());
            // sample-data/... names the bundled sample images when no such folder is here
            List<Path> paths = images.stream().map(p -> Path.of(AppPaths.orShipped(p.toString()))).toList();
            List<ImageInputs.Input> inputs = ImageInputs.expand(paths, run.targetClasses());
            predictor.predict(inputs, k, false, batch -> {
                for (Prediction p : batch) {
                    print(p);
                    all.add(p);
                }
                System.out.flush();
            });
            summary(run, all);
            if (csv != null) {
                writeCsv(all, k, run.targetClasses());
            }
        }
        return all.stream().allMatch(Prediction::ok) ? 0 : Cli.EXIT_USAGE;
    }

    /** "FILE  target (p)[, 2nd (p)...]  source: NAME (#i, p)", or an error line on stderr. */
    private static void print(Prediction p) {
        if (!p.ok()) {
            System.err.println("error: " + p.error());
            System.err.flush();
            return;
        }
        StringBuilder targets = new StringBuilder();
        for (Prediction.ClassScore s : p.top()) {
            targets.append(targets.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s (%.3f)", s.name(), s.probability()));
        }
        System.out.printf(Locale.ROOT, "%s  %s  source: %s (#%d, %.3f)%n", p.name(), targets, p.sourceName(),
                p.sourceClass(), p.sourceProbability());
    }

    private static void summary(TrainedRun run, List<Prediction> all) {
        long ok = all.stream().filter(Prediction::ok).count();
        long labelled = all.stream().filter(p -> p.ok() && p.trueClass() >= 0).count();
        long correct = all.stream().filter(Prediction::correct).count();
        System.out.printf(Locale.ROOT, "predicted %d of %d images with %s, %s%n", ok, all.size(), run.name(),
                run.describeState());
        if (labelled > 0) {
            System.out.printf(Locale.ROOT, "accuracy %.4f (%d of %d images whose folder names a target class)%n",
                    (double) correct / labelled, correct, labelled);
        }
        if (!Double.isNaN(run.testAccuracy())) {
            System.out.printf(Locale.ROOT, "the run's recorded test accuracy with this state: %.4f%n",
                    run.testAccuracy());
        }
        if (ok < all.size()) {
            System.err.println((all.size() - ok) + " of " + all.size() + " images could not be predicted (the error:"
                    + " lines above)");
        }
    }

    private void writeCsv(List<Prediction> all, int k, List<String> targetClasses) {
        try {
            PredictionCsv.write(csv, all, k, targetClasses);
        } catch (IOException e) {
            throw UserInputException.forFile(csv, "cannot write the CSV file (" + RunFolderAccess.reason(e) + ")",
                    "choose another --csv file", e);
        }
        System.out.println("CSV written to " + csv.toAbsolutePath());
    }
}
