package org.reprogram.workbench.ui.setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.data.TargetDatasets;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.SourceModels;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.ImageTile;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The experiment setup: source model (with its card, validated off the UI thread), target
 * dataset (read off the UI thread, with a preview), and one text per setting of the parameter
 * registry that the form shows ({@link #field}), starting at the registry's defaults; the run is
 * built by parsing each through its parameter. The problem of each field, found by the setting id of
 * the problem, in the words of its label (shown beside it) and the list of them all that keeps
 * Start disabled.
 */
public final class SetupViewModel {

    public final ObservableList<String> sourceChoices = FXCollections.observableArrayList();
    public final StringProperty source = new SimpleStringProperty();
    /** Leave unreadable target images out instead of refusing the folder (--skip-bad-images). */
    public final BooleanProperty skipBadImages = new SimpleBooleanProperty(false);
    /** The text of each generated field by its setting's id ({@link SetupSettings#shown()}), from the registry's defaults. */
    private final SettingTexts texts = new SettingTexts();
    /** Whether each generated field applies to the chosen program, mapping and trainer. */
    private final Map<String, BooleanBinding> used = new LinkedHashMap<>();

    /**
     * Every reason why Start is disabled, in words (the fields' problems in form order, then what is
     * still being checked); empty when the setup can run.
     */
    public final ObservableList<String> problems = FXCollections.observableArrayList();
    /** True while the model or the dataset is being checked in the background. */
    public final BooleanProperty busy = new SimpleBooleanProperty();

    /** "K_s = 10 source classes · K_t = 10 target classes" of the chosen model and folder. */
    public final StringBinding classCounts;

    private final ModelChecker model;
    private final DatasetLoader data;
    /** The class names and templates of a vision-language source, with the prompts they make. */
    public final PromptsViewModel prompts;

    private final BooleanBinding valid;
    private final Map<String, ReadOnlyStringWrapper> fieldProblems = new LinkedHashMap<>();
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
        ParameterRegistry.all().forEach(s -> fieldProblems.put(s.id(), new ReadOnlyStringWrapper("")));
        Observable[] choices = texts.choices();
        for (Setting<?> s : SetupSettings.shown()) {
            used.put(s.id(), Bindings.createBooleanBinding(() -> s.appliesTo(texts.chosen()), choices));
        }
        SourceModels.builtinNames().forEach(n -> sourceChoices.add("builtin:" + n));
        List<Observable> inputs = new ArrayList<>(texts.all());
        inputs.addAll(List.of(model.card, model.error, model.checking, data.dataset, data.error, data.loading));
        inputs.forEach(o -> o.addListener(x -> validate()));
        source.addListener((o, a, s) -> model.check(s));
        data.target.addListener(o -> reloadDataset());
        StringProperty seed = field(Settings.SEED);
        seed.addListener(o -> data.reseed(data.target.get(), Fields.parseLong(seed.get()), skipBadImages.get())); // no re-read
        skipBadImages.addListener(o -> reloadDataset());
        busy.bind(model.checking.or(data.loading));
        valid = Bindings.createBooleanBinding(problems::isEmpty, problems);
        prompts = new PromptsViewModel(this, executor);
        String usual = "builtin:" + SourceModels.DEFAULT_BUILTIN; // not the first by name (fmnist-clip sorts before it)
        source.set(sourceChoices.contains(usual) ? usual : sourceChoices.isEmpty() ? "builtin" : sourceChoices.get(0));
        validate();
    }


    /** The text of the field of SETTING (a choice by its id: "pad", "step"; 0 shots as "all"). */
    public StringProperty field(Setting<?> setting) {
        return field(setting.id());
    }

    /** The text of the field of the setting with id ID ("optimization.lr"). */
    public StringProperty field(String id) {
        return texts.field(id);
    }

    /** Whether SETTING applies to the chosen program, mapping and trainer (else its field is disabled and never blocks Start). */
    public BooleanBinding used(Setting<?> setting) {
        BooleanBinding b = used.get(setting.id());
        if (b == null) {
            throw new IllegalArgumentException("the setup form has no field for the setting '" + setting.id() + "'");
        }
        return b;
    }

    /** The problem of SETTING's field in the words of its label ("Validation share must be …"), "" while it is fine. */
    public ReadOnlyStringProperty problem(Setting<?> setting) {
        return problem(setting.id());
    }

    /** The problem of the field of the setting with id ID, "" while it is fine. */
    public ReadOnlyStringProperty problem(String id) {
        ReadOnlyStringWrapper w = fieldProblems.get(id);
        if (w == null) {
            throw new IllegalArgumentException("unknown setting '" + id + "'");
        }
        return w.getReadOnlyProperty();
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
        data.load(data.target.get(), Fields.parseLong(field(Settings.SEED).get()), skipBadImages.get());
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
        texts.apply(c);
        skipBadImages.set(c.data().skipBadImages());
        data.target.set(c.data().target());
    }

    /** The config of the current fields; call only while {@link #valid()} (else numbers may be 0). */
    public RunSpec config() {
        return build(new Fields());
    }

    /** The run of the form, the fields read through the registry ({@link SettingTexts#read}); problems into F. */
    private RunSpec build(Fields f) {
        String target = data.target.get() == null ? "" : data.target.get();
        return texts.read(f, RunSpec.defaults(target).with(Settings.SOURCE, source.get() == null ? "" : source.get())
                .with(Settings.SKIP_BAD_IMAGES, skipBadImages.get()).with(Settings.THREADS, threads), model.card.get());
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
        c.problems().forEach(p -> SetupChecks.add(f, p));
        if (c.optimization().epochs() > MAX_EPOCHS) {
            f.add(Settings.EPOCHS.id(), Settings.EPOCHS.parameter().label() + " must be at most " + MAX_EPOCHS
                    + " in the window (its curves and table show every epoch); the train command takes more");
        }
        SetupChecks.modelAndData(f, c, model.card.get(), model.error.get(), data.dataset.get(), data.error.get());
        boolean noTarget = data.target.get() == null || data.target.get().isBlank();
        List<String> p = new ArrayList<>();
        for (Map.Entry<String, ReadOnlyStringWrapper> field : fieldProblems.entrySet()) { // registry order
            String problem = f.problems().getOrDefault(field.getKey(), "");
            boolean todo = field.getKey().equals(Settings.TARGET.id()) && noTarget; // nothing chosen yet: a step, not an error
            field.getValue().set(todo ? "" : problem);
            if (!problem.isEmpty()) {
                p.add(problem);
            }
        }
        targetHint.set(noTarget ? TARGET_HINT : "");
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
