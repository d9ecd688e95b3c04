package org.reprogram.workbench.core.train;

import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.RunPrompts;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.mapping.MappingContext;
import org.reprogram.workbench.core.program.FrameSettings;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.DataChecks;
import org.reprogram.workbench.core.data.Split;
import org.reprogram.workbench.core.data.SplitPlan;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.mapping.LabelMapping;
import org.reprogram.workbench.core.model.GradientSelfCheck;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModel;
import org.reprogram.workbench.core.model.PromptClassifier;
import org.reprogram.workbench.core.model.TorchScriptSourceModel;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.program.InputProgram;
import org.reprogram.workbench.core.program.Placement;
import org.reprogram.workbench.core.program.ProgramSetup;

/**
 * A run's assembled pieces: the frozen source, the target splits (compact images placed on
 * the canvas per batch, see {@link CanvasSplit}), the program and the mapping. Close it to
 * release native memory.
 */
public final class Experiment implements AutoCloseable {

    private final RunSpec config;
    private final SourceModel source;
    private final TargetDataset dataset;
    private final Placement placement;
    private final CanvasSplit train;
    private final CanvasSplit validation;
    private final CanvasSplit test;
    private final InputProgram program;
    private final LabelMapping mapping;
    private final List<String> notices;
    private final NDManager manager;
    private final int[] validationIndices;

    private Experiment(RunSpec config, SourceModel source, TargetDataset dataset, Placement placement,
            CanvasSplit train, CanvasSplit validation, CanvasSplit test, List<String> notices, int[] validationIndices) {
        this.validationIndices = validationIndices;
        this.config = config;
        this.source = source;
        this.dataset = dataset;
        this.placement = placement;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.notices = notices;
        this.manager = source.manager().newSubManager();
        this.program = config.programType().create(new ProgramSetup(placement, source.card().mean(), source.card().std(),
                config.program().settings(), config.seed()), manager);
        this.mapping = config.mappingType().create(new MappingContext(source.card(), dataset.classNames(),
                config.mapping().settings(), config.seed()), manager);
    }

    /** Loads model and data for CONFIG; every user-input problem is a {@link UserInputException}. */
    public static Experiment open(RunSpec config) {
        requireValid(config);
        TargetDataset dataset = TargetDatasets.open(Path.of(config.data().target()), config.seed(), config.data().skipBadImages(),
                config.resources().dataMemoryBytes());
        return openChecked(config, dataset, null);
    }

    /** As {@link #open(RunSpec)} with an already loaded dataset (the GUI keeps one). */
    public static Experiment open(RunSpec config, TargetDataset dataset) {
        requireValid(config);
        return openChecked(config, dataset, null);
    }

    /**
     * As {@link #open(RunSpec, TargetDataset)} with an already loaded SOURCE (tests wrap a model
     * in a query-counting double); the experiment closes it.
     */
    public static Experiment open(RunSpec config, TargetDataset dataset, SourceModel source) {
        requireValid(config);
        return openChecked(config, dataset, source);
    }

    /** Degenerate data and setups are errors or notices by the rule of {@link DataChecks}. */
    private static Experiment openChecked(RunSpec config, TargetDataset dataset, SourceModel given) {
        List<String> notices = new ArrayList<>();
        List<String> dataNotices;
        try {
            dataNotices = DataChecks.check(dataset); // before the model loads
        } catch (RuntimeException e) {
            if (given != null) {
                given.close();
            }
            throw e;
        }
        SourceModel source = given;
        if (source == null) {
            DeviceSelector.Choice device = DeviceSelector.select(config.resources().device());
            if (device.notice() != null) {
                notices.add(device.notice());
            }
            if (SourceModels.isVisionLanguage(config.source())) { // its classes are the mapping's prompts
                checkMethod(config, SourceModels.card(config.source()), dataset.classNames());
            }
            source = SourceModels.open(config.source(), device.device(), RunPrompts.of(config, dataset.classNames()));
        }
        notices.addAll(dataNotices);
        if (dataset.skippedNotice() != null) {
            notices.add(dataset.skippedNotice());
        }
        try {
            String duplicates = DataChecks.duplicateNames(source.card().classNames());
            if (duplicates != null) {
                notices.add((source instanceof TorchScriptSourceModel
                        ? TorchScriptSourceModel.sidecarOf(Path.of(source.origin())).toString()
                        : "source model '" + source.card().name() + "'") + " lists class names more than once: "
                        + duplicates + "; mapping.csv and the views cannot tell those source classes apart (make"
                        + " the \"classNames\" unique to fix it)");
            }
            int kt = dataset.numClasses();
            checkMethod(config, source.card(), dataset.classNames());
            if (source instanceof PromptClassifier prompts) {
                String same = IndistinctPrompts.notice(prompts);
                if (same != null) {
                    notices.add(same);
                }
            }
            ModelCard card = source.card();
            OptionChecks.requireBatchFits(config.optimization().batchSize(), dataset.train().size(),
                    new int[] {card.channels(), card.height(), card.width()});
            if (!config.trainer().blackBox() && source instanceof TorchScriptSourceModel) {
                // white-box training trusts the input gradient of a user's model: check it once (tens of
                // ms for small models, ~3 s for a 224-px ResNet-18) and warn, with the fix, only when wrong
                GradientSelfCheck.Result check = GradientSelfCheck.run(source, config.seed());
                if (!check.healthy()) {
                    notices.add(check.warning());
                }
            }
            Placement placement = config.programType().placement(source.card(), config.program().settings());
            SplitPlan plan = SplitPlan.make(dataset.train().labels(), kt, config.data().valFraction(), config.data().shots(),
                    config.seed());
            CanvasSplit train = place(dataset.train().subset(plan.train()), placement);
            CanvasSplit val = place(dataset.train().subset(plan.validation()), placement);
            CanvasSplit test = place(dataset.test(), placement);
            Experiment exp = new Experiment(config, source, dataset, placement, train, val, test, notices,
                    plan.validation());
            try {
                checkTrainable(exp);
            } catch (RuntimeException e) {
                exp.closeProgramAndMapping();
                throw e;
            }
            return exp;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Nothing to train is an error; a program without trainable parameters next to a trainable
     * mapping is a notice (e.g. pad with a target window as large as the canvas).
     */
    private static void checkTrainable(Experiment exp) {
        RunSpec c = exp.config;
        if (exp.program.trainableParameters() > 0) {
            return;
        }
        Placement p = exp.placement;
        String why = "program '" + c.program().id() + "' has no trainable parameters"
                + (p.innerHeight() >= p.height() && p.innerWidth() >= p.width()
                        ? " (--inner-size " + c.program().settings().get(FrameSettings.INNER_SIZE) + " makes the target window as large as the " + p.height()
                                + "x" + p.width() + " canvas: no frame is left)" : "");
        if (exp.mapping.trainableParameters() == 0) {
            throw new UserInputException("nothing to train: " + why + " and mapping '" + c.mapping().id()
                    + "' has no trainable weights. Fix: choose a smaller --inner-size (0 = half the canvas), another"
                    + " --program, or a trainable mapping (--mapping linear)");
        }
        exp.notices.add(why + ": only the " + c.mapping().id() + " mapping is trained");
    }

    /** Program and mapping problems that depend on the source model and the target's classes. */
    public static void checkMethod(RunSpec config, org.reprogram.workbench.core.model.ModelCard card,
            List<String> targetClasses) {
        List<Problem> problems = ParameterRegistry.problemsWith(config, card, targetClasses);
        if (!problems.isEmpty()) {
            throw new UserInputException(ParameterRegistry.inWords(problems.get(0)));
        }
    }

    /** Both entry points check the values: the GUI's path must not bypass what the CLI's checks. */
    private static void requireValid(RunSpec config) {
        List<Problem> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new UserInputException(ParameterRegistry.inWords(problems));
        }
    }

    /** SPLIT on the canvas of P, placed per batch. */
    public static CanvasSplit place(Split split, Placement p) {
        return new CanvasSplit(split, p);
    }

    public RunSpec config() {
        return config;
    }

    public SourceModel source() {
        return source;
    }

    public TargetDataset dataset() {
        return dataset;
    }

    public Placement placement() {
        return placement;
    }

    public CanvasSplit train() {
        return train;
    }

    public CanvasSplit validation() {
        return validation;
    }

    public CanvasSplit test() {
        return test;
    }

    public InputProgram program() {
        return program;
    }

    public LabelMapping mapping() {
        return mapping;
    }

    /** Indices into the dataset's train split of the validation images. */
    public int[] validationIndices() {
        return validationIndices.clone();
    }

    public List<String> notices() {
        return notices;
    }

    public NDManager manager() {
        return manager;
    }

    /** Program and mapping arrays that receive gradients. */
    public List<NDArray> trainableArrays() {
        List<NDArray> all = new ArrayList<>(program.parameters());
        all.addAll(mapping.parameters());
        return all;
    }

    public long trainableParameters() {
        return program.trainableParameters() + mapping.trainableParameters();
    }

    @Override
    public void close() {
        closeProgramAndMapping();
        source.close();
    }

    private void closeProgramAndMapping() {
        program.close();
        mapping.close();
        manager.close();
    }
}
