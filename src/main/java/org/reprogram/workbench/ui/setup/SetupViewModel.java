package org.reprogram.workbench.ui.setup;

import org.reprogram.workbench.core.mapping.MappingSettings;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.param.ParameterValues;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.spec.DataSpec;
import org.reprogram.workbench.core.spec.LossKind;
import org.reprogram.workbench.core.spec.MappingSpec;
import org.reprogram.workbench.core.spec.OptimizationSpec;
import org.reprogram.workbench.core.spec.ProgramSpec;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;
import org.reprogram.workbench.core.spec.TrainerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.spec.LearningRateSchedule;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ImageTile;
import org.reprogram.workbench.ui.common.SetupField;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The experiment setup: source model (with its card, validated off the UI thread), target
 * dataset (read off the UI thread, with a preview), program, mapping and optimisation values as
 * text; the problem of each field in its own words (shown beside it) and the list of them all that
 * keeps Start disabled.
 */
public final class SetupViewModel {

    public final ObservableList<String> sourceChoices = FXCollections.observableArrayList();
    public final StringProperty source = new SimpleStringProperty();
    public final ObjectProperty<ProgramType> program = new SimpleObjectProperty<>(
            ProgramTypes.get(Settings.PROGRAM.parameter().defaultValue()));
    public final StringProperty innerSize = new SimpleStringProperty("0");
    public final ObjectProperty<MappingType> mapping = new SimpleObjectProperty<>(
            MappingTypes.get(Settings.MAPPING.parameter().defaultValue()));
    public final StringProperty sourcesPerClass = new SimpleStringProperty("1");
    public final StringProperty trainer = new SimpleStringProperty("whitebox");
    public final StringProperty queryDirections = new SimpleStringProperty("10");
    public final StringProperty smoothing = new SimpleStringProperty("0.05");
    public final StringProperty epochs = new SimpleStringProperty("10");
    public final StringProperty batchSize = new SimpleStringProperty("64");
    public final StringProperty lr = new SimpleStringProperty("0.01");
    public final ObjectProperty<LearningRateSchedule> schedule = new SimpleObjectProperty<>(
            Settings.SCHEDULE.parameter().defaultValue());
    public final StringProperty weightDecay = new SimpleStringProperty("0");
    public final StringProperty seed = new SimpleStringProperty("0");
    public final StringProperty shots = new SimpleStringProperty(Fields.ALL);
    public final StringProperty valFraction = new SimpleStringProperty("0.1");
    public final StringProperty device = new SimpleStringProperty("auto");
    public final ObjectProperty<FrameActivation> frame = new SimpleObjectProperty<>(FrameActivation.DEFAULT);
    public final StringProperty initScale = new SimpleStringProperty("1.5");
    public final StringProperty loss = new SimpleStringProperty("ce");
    /** Leave unreadable target images out instead of refusing the folder (--skip-bad-images). */
    public final BooleanProperty skipBadImages = new SimpleBooleanProperty(false);

    /**
     * Every reason why Start is disabled, in words (the fields' problems in form order, then what is
     * still being checked); empty when the setup can run.
     */
    public final ObservableList<String> problems = FXCollections.observableArrayList();
    /** True while the model or the dataset is being checked in the background. */
    public final BooleanProperty busy = new SimpleBooleanProperty();

    /** Which fields the chosen program, mapping and trainer use (the others are disabled and never block Start). */
    public final BooleanBinding innerSizeUsed = Bindings.createBooleanBinding(
            () -> program.get() != null && program.get().parameters().contains(FrameSettings.INNER_SIZE), program);
    public final BooleanBinding frameUsed = Bindings.createBooleanBinding(
            () -> program.get() != null && program.get().parameters().contains(FrameSettings.FRAME), program);
    public final BooleanBinding initScaleUsed = Bindings.createBooleanBinding(
            () -> program.get() != null && program.get().parameters().contains(ScaleProgram.INIT_SCALE), program);
    public final BooleanBinding sourcesPerClassUsed = Bindings.createBooleanBinding(
            () -> mapping.get() != null && mapping.get().parameters().contains(MappingSettings.SOURCES_PER_CLASS),
            mapping);
    public final BooleanBinding blackBoxUsed = trainer.isEqualTo("blackbox");

    /** "K_s = 10 source classes · K_t = 10 target classes" of the chosen model and folder. */
    public final StringBinding classCounts;

    private final ModelChecker model;
    private final DatasetLoader data;
    private final BooleanBinding valid;
    private final Map<SetupField, ReadOnlyStringWrapper> fieldProblems = new EnumMap<>(SetupField.class);
    private final ReadOnlyStringWrapper attention = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper attentionIsProblem =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper targetHint = new ReadOnlyStringWrapper("");
    private int threads; // the window's default for its runs (useThreads); 0: all available cores
    /** Under the empty target field: the next step, not an error (a first start has nothing typed yet). */
    static final String TARGET_HINT = "Choose a folder (class folders under train/ and test/, or IDX files), or"
            + " press Sample digits to try the workbench.";
    static final String CHOOSE_TARGET = "Choose a target dataset to start";
    /** The most epochs a run started in the window may have (a typo such as 100000 is caught here). */
    public static final int MAX_EPOCHS = 1000;

    public SetupViewModel(TaskExecutor executor) {
        this.model = new ModelChecker(executor);
        this.data = new DatasetLoader(executor);
        classCounts = Bindings.createStringBinding(() -> Choices.classCounts(model.card.get(), data.dataset.get()),
                model.card, data.dataset);
        for (SetupField f : SetupField.values()) {
            fieldProblems.put(f, new ReadOnlyStringWrapper(""));
        }
        SourceModels.builtinNames().forEach(n -> sourceChoices.add("builtin:" + n));
        List<Observable> inputs = List.of(program, innerSize, mapping, sourcesPerClass, trainer, queryDirections,
                smoothing, epochs, batchSize, lr, schedule, weightDecay, seed, shots, valFraction, device, frame, initScale, loss,
                model.card, model.error, model.checking, data.dataset, data.error, data.loading);
        inputs.forEach(o -> o.addListener(x -> validate()));
        source.addListener((o, a, s) -> model.check(s));
        data.target.addListener(o -> reloadDataset());
        seed.addListener(o -> data.reseed(data.target.get(), Fields.parseLong(seed.get()), skipBadImages.get())); // no re-read
        skipBadImages.addListener(o -> reloadDataset());
        busy.bind(model.checking.or(data.loading));
        valid = Bindings.createBooleanBinding(problems::isEmpty, problems);
        source.set(sourceChoices.isEmpty() ? "builtin" : sourceChoices.get(0));
        validate();
    }

    /** The problem of FIELD in the words of its label ("Validation share must be …"), "" while it is fine. */
    public ReadOnlyStringProperty problem(SetupField field) {
        return fieldProblems.get(field).getReadOnlyProperty();
    }

    /** The footer's one line: "2 fields need attention", "Reading the target folder …", or "". */
    public ReadOnlyStringProperty attention() {
        return attention.getReadOnlyProperty();
    }

    /** Whether {@link #attention()} reports problems (red) rather than the next step or work in progress. */
    public javafx.beans.property.ReadOnlyBooleanProperty attentionIsProblem() {
        return attentionIsProblem.getReadOnlyProperty();
    }

    /** What to do while the target field is empty ("" once it names a folder). */
    public ReadOnlyStringProperty targetHint() {
        return targetHint.getReadOnlyProperty();
    }

    // --- source model -------------------------------------------------------------------

    public ObjectProperty<ModelCard> modelCard() {
        return model.card;
    }

    /** Inline error of the chosen model ("" when fine). */
    public StringProperty modelError() {
        return model.error;
    }

    public BooleanProperty modelChecking() {
        return model.checking;
    }

    /** Chooses a TorchScript file (its sidecar .pt.json is read and the model test-loaded). */
    public void openTorchScript(Path file) {
        String spec = file.toAbsolutePath().toString();
        if (!sourceChoices.contains(spec)) {
            sourceChoices.add(spec);
        }
        source.set(spec);
    }

    /**
     * Remembers the source model in SETTINGS (a properties file): the one remembered there is chosen
     * now (a TorchScript file only while it exists), and each model that loads is remembered.
     */
    public void rememberModelIn(Path settings) {
        String last = LastModel.read(settings);
        if (last != null && (last.startsWith("builtin") || java.nio.file.Files.isRegularFile(Path.of(last)))) {
            if (!sourceChoices.contains(last)) {
                sourceChoices.add(last);
            }
            source.set(last);
        }
        model.card.addListener((o, was, card) -> {
            if (card != null && source.get() != null) {
                LastModel.write(settings, source.get());
            }
        });
    }

    // --- target dataset -----------------------------------------------------------------

    public StringProperty target() {
        return data.target;
    }

    public ObjectProperty<TargetDataset> dataset() {
        return data.dataset;
    }

    public StringProperty datasetError() {
        return data.error;
    }

    public StringProperty datasetSummary() {
        return data.summary;
    }

    /** A few training images per class. */
    public ObservableList<ImageTile> preview() {
        return data.preview;
    }

    public void useSampleDigits() {
        data.target.set(TargetDatasets.sampleDigits().toString());
    }

    private void reloadDataset() {
        data.load(data.target.get(), Fields.parseLong(seed.get()), skipBadImages.get());
    }

    // --- presets and the resulting config -----------------------------------------------

    /** The teaching demo: built-in model to the shipped sample digits, measured preset. */
    public void applyDemo() {
        apply(RunSpec.demo(TargetDatasets.sampleDigits().toString()));
    }

    /** Fills every field from CONFIG (e.g. a saved run, to repeat or vary it). */
    public void apply(RunSpec c) {
        String spec = c.source() == null || c.source().equals("builtin") ? "builtin:" + SourceModels.DEFAULT_BUILTIN
                : c.source();
        if (!sourceChoices.contains(spec)) {
            sourceChoices.add(spec);
        }
        source.set(spec);
        ProgramType p = ProgramTypes.find(c.program().id());
        if (p != null) {
            program.set(p);
        }
        MappingType m = MappingTypes.find(c.mapping().id());
        if (m != null) {
            mapping.set(m);
        }
        innerSize.set(Integer.toString(c.program().settings().get(FrameSettings.INNER_SIZE)));
        sourcesPerClass.set(Integer.toString(c.mapping().settings().get(MappingSettings.SOURCES_PER_CLASS)));
        trainer.set(c.trainer().kind().id());
        queryDirections.set(Integer.toString(c.trainer().queryDirections()));
        smoothing.set(Fields.format(c.trainer().smoothing()));
        epochs.set(Integer.toString(c.optimization().epochs()));
        batchSize.set(Integer.toString(c.optimization().batchSize()));
        lr.set(Fields.format(c.optimization().lr()));
        schedule.set(c.optimization().schedule());
        weightDecay.set(Fields.format(c.optimization().weightDecay()));
        seed.set(Long.toString(c.seed()));
        shots.set(c.data().shots() == 0 ? Fields.ALL : Integer.toString(c.data().shots()));
        valFraction.set(Fields.format(c.data().valFraction()));
        device.set(c.resources().device());
        frame.set(c.program().settings().get(FrameSettings.FRAME));
        initScale.set(Fields.format(c.program().settings().get(ScaleProgram.INIT_SCALE)));
        loss.set(c.optimization().loss().id());
        skipBadImages.set(c.data().skipBadImages());
        data.target.set(c.data().target());
    }

    /** The config of the current fields; call only while {@link #valid()} (else numbers may be 0). */
    public RunSpec config() {
        Fields f = new Fields();
        return build(f);
    }

    /** Fields the method does not use are read leniently: a leftover bad value there never blocks Start. */
    private RunSpec build(Fields f) {
        ModelCard card = model.card.get();
        int side = card == null ? Integer.MAX_VALUE : Math.min(card.height(), card.width());
        ParameterValues programSettings = ParameterValues.empty()
                .with(FrameSettings.INNER_SIZE, innerSizeUsed.get() ? f.integer(SetupField.INNER_SIZE, innerSize)
                        : Fields.lenient(innerSize, 0, v -> v >= 0 && v <= side))
                .with(FrameSettings.FRAME, frame.get())
                .with(ScaleProgram.INIT_SCALE, initScaleUsed.get() ? f.decimal(SetupField.INIT_SCALE, initScale)
                        : Fields.lenientDecimal(initScale, ScaleProgram.INIT_SCALE.defaultValue(),
                                v -> v >= ScaleProgram.MIN_SCALE && v <= ScaleProgram.MAX_SCALE));
        ParameterValues mappingSettings = ParameterValues.empty().with(MappingSettings.SOURCES_PER_CLASS,
                sourcesPerClassUsed.get() ? f.integer(SetupField.SOURCES_PER_CLASS, sourcesPerClass)
                        : Fields.lenient(sourcesPerClass, 1, v -> v >= 1));
        TrainerKind kind = TrainerKind.BLACKBOX.id().equals(trainer.get()) ? TrainerKind.BLACKBOX : TrainerKind.WHITEBOX;
        return RunSpec.defaults(data.target.get() == null ? "" : data.target.get())
                .with(Settings.SOURCE, source.get() == null ? "" : source.get())
                .withProgram(new ProgramSpec(program.get() == null ? "" : program.get().id(), programSettings))
                .withMapping(new MappingSpec(mapping.get() == null ? "" : mapping.get().id(), mappingSettings))
                .withTrainer(new TrainerSpec(kind,
                        blackBoxUsed.get() ? f.integer(SetupField.QUERY_DIRECTIONS, queryDirections)
                                : Fields.lenient(queryDirections, 10, v -> v >= 1),
                        blackBoxUsed.get() ? f.decimal(SetupField.SMOOTHING, smoothing)
                                : Fields.lenientDecimal(smoothing, 0.05, v -> v > 0)))
                .withOptimization(new OptimizationSpec(f.integer(SetupField.EPOCHS, epochs),
                        f.integer(SetupField.BATCH_SIZE, batchSize), f.decimal(SetupField.LR, lr), schedule.get(),
                        f.decimal(SetupField.WEIGHT_DECAY, weightDecay),
                        LossKind.FOCAL.id().equals(loss.get()) ? LossKind.FOCAL : LossKind.CE))
                .withSeed(f.longValue(SetupField.SEED, seed))
                .withData(new DataSpec(data.target.get() == null ? "" : data.target.get(),
                        f.countOrAll(SetupField.SHOTS, shots), f.decimal(SetupField.VAL_FRACTION, valFraction),
                        skipBadImages.get()))
                .with(Settings.DEVICE, device.get() == null ? "" : device.get()).with(Settings.THREADS, threads);
    }

    /** The threads of the runs this form builds (the window's default; 0: all available cores). */
    public void useThreads(int n) {
        threads = n;
    }

    /** See {@link #useThreads}. */
    public int threads() {
        return threads;
    }

    public BooleanBinding valid() {
        return valid;
    }

    void validate() {
        Fields f = new Fields();
        RunSpec c = build(f);
        f.engine(c.problems());
        if (c.optimization().epochs() > MAX_EPOCHS) {
            f.add(SetupField.EPOCHS, SetupField.EPOCHS.subject() + " must be at most " + MAX_EPOCHS + " in the window (its"
                    + " curves and table show every epoch); the train command takes more");
        }
        SetupChecks.modelAndData(f, c, model.card.get(), model.error.get(), data.dataset.get(), data.error.get());
        boolean noTarget = data.target.get() == null || data.target.get().isBlank();
        for (SetupField field : SetupField.values()) {
            boolean todo = field == SetupField.TARGET && noTarget; // nothing chosen yet: a step, not an error
            fieldProblems.get(field).set(todo ? "" : f.problems().getOrDefault(field, ""));
        }
        targetHint.set(noTarget ? TARGET_HINT : "");
        List<String> p = new ArrayList<>(f.problems().values());
        p.addAll(f.others());
        int attend = p.size();
        String busyText = model.checking.get() ? "Checking the source model …"
                : data.loading.get() ? "Reading the target folder …" : "";
        if (!busyText.isEmpty()) {
            p.add(busyText);
        }
        if (!p.equals(problems)) {
            problems.setAll(p);
        }
        boolean onlyTarget = noTarget && attend == 1;
        String line = attend == 0 ? "" : onlyTarget ? CHOOSE_TARGET : attend == 1 ? "1 field needs attention"
                : attend + " fields need attention";
        attentionIsProblem.set(attend > 0 && !onlyTarget);
        attention.set(line.isEmpty() ? busyText : busyText.isEmpty() ? line : line + " · " + busyText.toLowerCase(Locale.ROOT));
    }
}
