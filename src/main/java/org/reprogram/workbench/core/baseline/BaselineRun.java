package org.reprogram.workbench.core.baseline;

import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunPrompts;
import org.reprogram.workbench.core.spec.Method;
import ai.djl.Device;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.DataChecks;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.train.DeviceSelector;
import org.reprogram.workbench.core.train.OptionChecks;

/**
 * A baseline's assembled pieces: config, target splits on the source canvas and the network to
 * train. Every user-input problem surfaces from {@link #open} as a {@link UserInputException},
 * before anything is written. Close it to release native memory.
 */
public final class BaselineRun implements AutoCloseable {

    private final RunSpec config;
    private final BaselineData data;
    private final BaselineModel model;
    private final List<String> notices;

    private BaselineRun(RunSpec config, BaselineData data, BaselineModel model, List<String> notices) {
        this.config = config;
        this.data = data;
        this.model = model;
        this.notices = notices;
    }

    /** Loads the target named in CONFIG and the model. */
    public static BaselineRun open(RunSpec config) {
        requireValid(config);
        return open(config, TargetDatasets.open(Path.of(config.data().target()), config.seed(),
                config.data().skipBadImages(), config.resources().dataMemoryBytes()));
    }

    /** As {@link #open(RunSpec)} with an already loaded DATASET (the GUI keeps one). */
    public static BaselineRun open(RunSpec config, TargetDataset dataset) {
        requireValid(config);
        List<String> dataNotices = DataChecks.check(dataset); // degenerate data: before the model loads
        List<String> notices = new ArrayList<>();
        DeviceSelector.Choice device = DeviceSelector.select(config.resources().device());
        if (device.notice() != null) {
            notices.add(device.notice());
        }
        notices.addAll(dataNotices);
        if (dataset.skippedNotice() != null) {
            notices.add(dataset.skippedNotice());
        }
        // in-place weight initialisation (scratch) needs autograd off on this thread
        JniUtils.setGradMode(false);
        BaselineModel model = createModel(config, dataset.classNames(), device.device());
        try {
            notices.addAll(model.notices());
            BaselineData data = BaselineData.split(dataset, model.card(), config);
            if (data.train().size() == 0) {
                throw new UserInputException("no training images left after the validation split (--val-fraction "
                        + config.data().valFraction() + ") and --shots " + config.data().shots() + ". Fix: lower --val-fraction,"
                        + " raise --shots or add images to " + config.data().target());
            }
            if (config.method() != Method.LINEAR_PROBE) { // the others backpropagate through the model
                ModelCard card = model.card();
                OptionChecks.requireBatchFits(config.optimization().batchSize(), data.train().size(),
                        new int[] {card.channels(), card.height(), card.width()});
            }
            return new BaselineRun(config, data, model, notices);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Seed of the new head's weights (distinct from the split and shuffle seeds). */
    static long headSeed(long seed) {
        return seed * 1_000_003L + 0x4eadL;
    }

    private static BaselineModel createModel(RunSpec config, List<String> classNames, Device device) {
        int targetClasses = classNames.size();
        long headSeed = headSeed(config.seed());
        if (config.method() == Method.LINEAR_PROBE) {
            // a vision-language source: the probe reads its image method's embeddings (the prompts are unused)
            SourceModel source = SourceModels.open(config.source(), device,
                    SourceModels.isVisionLanguage(config.source()) ? RunPrompts.baseline(classNames) : null);
            try {
                return new LinearProbeModel(source, targetClasses, headSeed);
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
        }
        Long scratchSeed = config.method() == Method.SCRATCH ? config.seed() : null;
        String spec = config.source();
        Backbone backbone;
        if (SourceModels.isVisionLanguage(spec)) { // fine-tunes the image encoder (its image method) with a head
            backbone = TorchScriptBackbone.load(SourceModels.visionLanguageFile(spec), device, scratchSeed);
        } else if (spec == null || spec.isBlank() || spec.equals("builtin") || spec.startsWith("builtin:")) {
            String name = spec == null || !spec.startsWith("builtin:") ? SourceModels.DEFAULT_BUILTIN : spec.substring(8);
            backbone = BuiltinBackbone.load(SourceModels.builtinDir(name), device, scratchSeed);
        } else if (SourceModels.isModelFolder(spec)) { // a built-in model's folder (a study's executor unpacks one)
            backbone = BuiltinBackbone.load(Path.of(spec), device, scratchSeed);
        } else {
            backbone = TorchScriptBackbone.load(Path.of(spec), device, scratchSeed);
        }
        try {
            return new TrainableModel(backbone, targetClasses, headSeed);
        } catch (RuntimeException e) {
            backbone.close();
            throw e;
        }
    }

    private static void requireValid(RunSpec config) {
        List<Problem> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new UserInputException(ParameterRegistry.inWords(problems));
        }
    }

    public RunSpec config() {
        return config;
    }

    public BaselineData data() {
        return data;
    }

    public BaselineModel model() {
        return model;
    }

    /** Messages for the user (device fallback, what the model copy does differently). */
    public List<String> notices() {
        return notices;
    }

    @Override
    public void close() {
        model.close();
    }
}
