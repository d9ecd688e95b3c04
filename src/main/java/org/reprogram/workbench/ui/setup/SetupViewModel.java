package org.reprogram.workbench.ui.setup;

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
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.program.ScaleProgram;
import org.reprogram.workbench.core.train.LearningRateSchedule;
import org.reprogram.workbench.core.train.TrainConfig;
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
    public final ObjectProperty<ProgramKind> program = new SimpleObjectProperty<>(ProgramKind.PAD);
    public final StringProperty innerSize = new SimpleStringProperty("0");
    public final ObjectProperty<MappingKind> mapping = new SimpleObjectProperty<>(MappingKind.ILM);
    public final StringProperty sourcesPerClass = new SimpleStringProperty("1");
    public final StringProperty trainer = new SimpleStringProperty("whitebox");
    public final StringProperty queryDirections = new SimpleStringProperty("10");
    public final StringProperty smoothing = new SimpleStringProperty("0.05");
    public final StringProperty epochs = new SimpleStringProperty("10");
    public final StringProperty batchSize = new SimpleStringProperty("64");
    public final StringProperty lr = new SimpleStringProperty("0.01");
    public final ObjectProperty<LearningRateSchedule> schedule = new SimpleObjectProperty<>(LearningRateSchedule.COSINE);
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
            () -> program.get() != null && !program.get().fillsCanvas(), program);
    public final BooleanBinding frameUsed = Bindings.createBooleanBinding(
            () -> program.get() != null && program.get().hasFrame(), program);
    public final BooleanBinding initScaleUsed = program.isEqualTo(ProgramKind.SCALE);
    public final BooleanBinding sourcesPerClassUsed = Bindings.createBooleanBinding(
            () -> mapping.get() != null && mapping.get().multiSource(), mapping);
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
        apply(TrainConfig.demo(TargetDatasets.sampleDigits().toString()));
    }

    /** Fills every field from CONFIG (e.g. a saved run, to repeat or vary it). */
    public void apply(TrainConfig c) {
        String spec = c.source() == null || c.source().equals("builtin") ? "builtin:" + SourceModels.DEFAULT_BUILTIN
                : c.source();
        if (!sourceChoices.contains(spec)) {
            sourceChoices.add(spec);
        }
        source.set(spec);
        program.set(c.program());
        innerSize.set(Integer.toString(c.innerSize()));
        mapping.set(c.mapping());
        sourcesPerClass.set(Integer.toString(c.sourcesPerClass()));
        trainer.set(c.trainer());
        queryDirections.set(Integer.toString(c.queryDirections()));
        smoothing.set(Fields.format(c.smoothing()));
        epochs.set(Integer.toString(c.epochs()));
        batchSize.set(Integer.toString(c.batchSize()));
        lr.set(Fields.format(c.lr()));
        schedule.set(c.schedule());
        weightDecay.set(Fields.format(c.weightDecay()));
        seed.set(Long.toString(c.seed()));
        shots.set(c.shots() == 0 ? Fields.ALL : Integer.toString(c.shots()));
        valFraction.set(Fields.format(c.valFraction()));
        device.set(c.device());
        frame.set(c.frame());
        initScale.set(Fields.format(c.initScale()));
        loss.set(c.loss());
        skipBadImages.set(c.skipBadImages());
        data.target.set(c.target());
    }

    /** The config of the current fields; call only while {@link #valid()} (else numbers may be 0). */
    public TrainConfig config() {
        Fields f = new Fields();
        return build(f);
    }

    /** Fields the method does not use are read leniently: a leftover bad value there never blocks Start. */
    private TrainConfig build(Fields f) {
        ModelCard card = model.card.get();
        int side = card == null ? Integer.MAX_VALUE : Math.min(card.height(), card.width());
        return new TrainConfig(source.get(), data.target.get(), program.get(),
                innerSizeUsed.get() ? f.integer(SetupField.INNER_SIZE, innerSize)
                        : Fields.lenient(innerSize, 0, v -> v >= 0 && v <= side),
                mapping.get(), sourcesPerClassUsed.get() ? f.integer(SetupField.SOURCES_PER_CLASS, sourcesPerClass)
                        : Fields.lenient(sourcesPerClass, 1, v -> v >= 1),
                trainer.get(), f.integer(SetupField.EPOCHS, epochs), f.integer(SetupField.BATCH_SIZE, batchSize),
                f.decimal(SetupField.LR, lr), schedule.get(), f.decimal(SetupField.WEIGHT_DECAY, weightDecay),
                f.longValue(SetupField.SEED, seed), f.countOrAll(SetupField.SHOTS, shots),
                f.decimal(SetupField.VAL_FRACTION, valFraction), device.get(),
                blackBoxUsed.get() ? f.integer(SetupField.QUERY_DIRECTIONS, queryDirections)
                        : Fields.lenient(queryDirections, 10, v -> v >= 1),
                blackBoxUsed.get() ? f.decimal(SetupField.SMOOTHING, smoothing)
                        : Fields.lenientDecimal(smoothing, 0.05, v -> v > 0),
                frame.get(), initScaleUsed.get() ? f.decimal(SetupField.INIT_SCALE, initScale)
                        : Fields.lenientDecimal(initScale, TrainConfig.DEFAULT_INIT_SCALE,
                                v -> v >= ScaleProgram.MIN_SCALE && v <= ScaleProgram.MAX_SCALE), loss.get())
                .withSkipBadImages(skipBadImages.get());
    }

    public BooleanBinding valid() {
        return valid;
    }

    void validate() {
        Fields f = new Fields();
        TrainConfig c = build(f);
        f.engine(c.problems());
        if (c.epochs() > MAX_EPOCHS) {
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
