package org.reprogram.workbench.ui.studies;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.AppPaths;
import org.reprogram.workbench.core.run.RunStore;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.StudySpec;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The "New study" form: the Train tab's setup as the base, the settings to vary with their values,
 * seeds, baselines, grid or random with its run cap, successive halving, the study folder and the
 * Spark master. Every change is checked in the background by the study spec reader
 * ({@link StudyCheck}); its error is shown under the field it is about, and {@link #valid} is true
 * only for a spec that reads back.
 */
public final class StudyFormViewModel {

    /** A setting being varied: its values as typed and their problem. */
    public record Varied(Setting<?> setting, StringProperty values, StringProperty error) {}

    public final StringProperty name = new SimpleStringProperty("study");
    /** Settings that may be varied: those of the base that the spec reader sweeps (not seed, method, resources). */
    public final ObservableList<Setting<?>> choices = FXCollections.observableArrayList();
    public final ObservableList<Varied> varied = FXCollections.observableArrayList();
    public final StringProperty seeds = new SimpleStringProperty("3");
    public final BooleanProperty linearProbe = new SimpleBooleanProperty(true);
    public final BooleanProperty finetune = new SimpleBooleanProperty();
    public final BooleanProperty scratch = new SimpleBooleanProperty();
    public final BooleanProperty random = new SimpleBooleanProperty();
    public final StringProperty runCap = new SimpleStringProperty("8");
    public final BooleanProperty halving = new SimpleBooleanProperty();
    public final StringProperty minIter = new SimpleStringProperty("1");
    public final StringProperty eta = new SimpleStringProperty("3");
    public final StringProperty folder = new SimpleStringProperty();
    /** The Spark master URL; empty for local mode. */
    public final StringProperty master = new SimpleStringProperty("");
    /** The cost before launch, or why it is not known. */
    public final StringProperty estimate = new SimpleStringProperty("");
    /** True when the spec reads back without a problem (and the check is current). */
    public final BooleanProperty valid = new SimpleBooleanProperty();
    private final Map<String, StringProperty> errors = new HashMap<>();
    private final TaskExecutor executor;
    private final RunStore runs;
    private final Supplier<RunSpec> base;
    private final Supplier<String> baseProblem;
    private boolean folderEdited;
    private boolean settingFolder;
    private long generation;
    private StudyCheck last;
    /** Seconds per epoch by source and target, read from the runs folder once per {@link #refreshBase}. */
    private final Map<String, java.util.OptionalDouble> measured = new java.util.concurrent.ConcurrentHashMap<>();

    /** BASE: the Train tab's run spec; BASEPROBLEM: why it cannot be used ("" when it can). */
    public StudyFormViewModel(TaskExecutor executor, RunStore runs, Supplier<RunSpec> base, Supplier<String> baseProblem) {
        this.executor = executor;
        this.runs = runs;
        this.base = base;
        this.baseProblem = baseProblem;
        folder.set(defaultFolder(name.get()));
        name.addListener((o, was, now) -> {
            if (!folderEdited) {
                settingFolder = true;
                folder.set(defaultFolder(now));
                settingFolder = false;
            }
        });
        folder.addListener((o, was, now) -> folderEdited |= !settingFolder);
        for (Observable p : new Observable[] {name, seeds, linearProbe, finetune, scratch, random, runCap, halving,
                minIter, eta, master}) {
            p.addListener(o -> check());
        }
        varied.addListener((javafx.collections.ListChangeListener<Varied>) c -> check());
    }

    /** ~/reprogram-workbench/studies/NAME-yyyyMMdd-HHmmss. */
    static String defaultFolder(String name) {
        String safe = (name == null || name.isBlank() ? "study" : name.strip()).replaceAll("[^A-Za-z0-9._-]+", "-");
        return AppPaths.defaultRunsDir().resolveSibling("studies").resolve(safe + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toString();
    }

    /** After a launch: the next study gets a new default folder (unless the user chose one). */
    void freshFolder() {
        if (!folderEdited) {
            settingFolder = true;
            folder.set(defaultFolder(name.get()));
            settingFolder = false;
        }
    }

    /** The problem shown under FIELD (a {@link StudyDraft} field key). */
    public ReadOnlyStringProperty error(String field) {
        return errors.computeIfAbsent(field, k -> new SimpleStringProperty(""));
    }

    /** The setup may have changed (the tab was selected): the choices and the check follow the new base. */
    public void refreshBase() {
        measured.clear(); // a run may have finished since: measure again
        if (!baseProblem.get().isEmpty()) {
            check();
            return;
        }
        RunSpec b = base.get();
        List<Setting<?>> sweepable = ParameterRegistry.applicable(b).stream().filter(s -> s != Settings.SEED
                && s != Settings.METHOD && !s.id().startsWith("resources.")).toList();
        choices.setAll(sweepable.stream().filter(s -> varied.stream().noneMatch(v -> v.setting() == s)).toList());
        check();
    }

    /** Varies SETTING, starting from the base's value (the user adds the others). */
    public void vary(Setting<?> setting) {
        if (setting == null || varied.stream().anyMatch(v -> v.setting() == setting)) {
            return;
        }
        Varied v = new Varied(setting, new SimpleStringProperty(setting.format(base.get())),
                (StringProperty) error(StudyDraft.param(setting.id())));
        v.values().addListener(o -> check());
        choices.remove(setting);
        varied.add(v);
    }

    /** Stops varying V's setting. */
    public void remove(Varied v) {
        varied.remove(v);
        ((StringProperty) error(StudyDraft.param(v.setting().id()))).set("");
        refreshBase();
    }

    /** The draft as the form has it now. */
    StudyDraft draft() {
        Map<String, String> values = new LinkedHashMap<>();
        varied.forEach(v -> values.put(v.setting().id(), v.values().get()));
        List<Method> baselines = new ArrayList<>();
        if (linearProbe.get()) {
            baselines.add(Method.LINEAR_PROBE);
        }
        if (finetune.get()) {
            baselines.add(Method.FINETUNE);
        }
        if (scratch.get()) {
            baselines.add(Method.SCRATCH);
        }
        return new StudyDraft(name.get(), base.get(), values, seeds.get(), baselines, random.get(), runCap.get(),
                halving.get(), minIter.get(), eta.get());
    }

    /** Where and how wide the study runs: the master field (empty: local, trials from the cores). */
    public BackendChoice backendChoice() {
        return BackendChoice.local().with(master.get() == null ? null : master.get().strip(), null, null, null);
    }

    /** Trials at once in local mode (as the local backend sizes it: one thread each, one per core); 0 on a cluster. */
    int trialsAtOnce() {
        return backendChoice().isLocal() ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 0;
    }

    /** Checks the form again in the background; results of an older check are dropped. */
    public void check() {
        long mine = ++generation;
        valid.set(false);
        String problem = baseProblem.get();
        if (!problem.isEmpty()) {
            show(new StudyCheck("", null, StudyDraft.BASE, "error: the Train tab's setup is not ready: " + problem
                    + ". Fix: complete the setup in the Train tab", ""));
            return;
        }
        StudyDraft d = draft();
        int atOnce = trialsAtOnce();
        executor.execute(() -> StudyCheck.of(d, b -> measured.computeIfAbsent(b.source() + "\n" + b.data().target(),
                k -> StudyCheck.secondsPerEpoch(runs, b)), atOnce), c -> {
            if (mine == generation) {
                show(c);
            }
        }, e -> {
            if (mine == generation) {
                show(new StudyCheck("", null, null, "error: the study cannot be checked: " + e.getMessage(), ""));
            }
        });
    }

    private void show(StudyCheck c) {
        last = c;
        errors.values().forEach(p -> p.set(""));
        if (!c.ok()) {
            ((StringProperty) error(c.field() == null ? StudyDraft.BASE : c.field())).set(c.error());
        }
        estimate.set(c.estimate());
        valid.set(c.ok());
    }

    /** The spec text of the last good check (what Launch writes), or null. */
    String checkedYaml() {
        return last != null && last.ok() ? last.yaml() : null;
    }

    /** The spec of the last good check, or null. */
    StudySpec checkedSpec() {
        return last != null && last.ok() ? last.spec() : null;
    }

    /** The study folder as typed. */
    Path folderPath() {
        return Path.of(folder.get().strip());
    }
}
