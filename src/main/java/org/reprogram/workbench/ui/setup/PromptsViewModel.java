package org.reprogram.workbench.ui.setup;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.mapping.text.TextMappingType;
import org.reprogram.workbench.core.mapping.text.TextSettings;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.model.PromptSet;
import org.reprogram.workbench.core.model.Templates;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The prompts of a vision-language source, beside the target preview: one editable name per target
 * class (its folder name to start with), written to the field of {@code mapping.class_names} as the
 * names joined with commas, and back; and a live preview of the prompts the chosen text mapping makes
 * of the names and templates ({@link TextMappingType#prompts}). The registry's checks stay the form's
 * (their problems stand under the fields); a row's own problem (empty, a comma, twice) stands under
 * the row. Part of {@link SetupViewModel}.
 */
public final class PromptsViewModel {

    /** Prompts listed in the preview at most (ILM-VP's 81 templates x 10 classes are 810). */
    static final int PREVIEW_MAX = 200;

    /** One target class: its folder name and the name its prompts say. */
    public static final class ClassName {
        private final String folder;
        private final StringProperty name;
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

        ClassName(String folder, String name) {
            this.folder = folder;
            this.name = new SimpleStringProperty(name);
        }

        public String folder() {
            return folder;
        }

        public StringProperty name() {
            return name;
        }

        /** Why the name cannot be used ("" while it can). */
        public ReadOnlyStringProperty problem() {
            return problem.getReadOnlyProperty();
        }
    }

    /** The target's classes with their names, in label order (empty until a target is read). */
    public final ObservableList<ClassName> classes = FXCollections.observableArrayList();
    /** The prompts of the chosen text mapping (at most {@link #PREVIEW_MAX}). */
    public final ObservableList<String> preview = FXCollections.observableArrayList();
    /** Above the preview: how many prompts, or why there is none. */
    public final StringProperty previewCaption = new SimpleStringProperty("");
    /** Whether the section is shown: a vision-language source, or a text mapping chosen. */
    public final BooleanBinding shown;

    private final SetupViewModel setup;
    private final TaskExecutor executor;
    private final StringProperty names;
    private boolean syncing;
    /** The mapping chosen before a vision-language source switched it to "text" (back when a classifier is chosen). */
    private String classifierMapping;

    PromptsViewModel(SetupViewModel setup, TaskExecutor executor) {
        this.setup = setup;
        this.executor = executor;
        this.names = setup.field(TextSettings.CLASS_NAMES.id());
        StringProperty mapping = setup.field(Settings.MAPPING);
        shown = Bindings.createBooleanBinding(() -> isVisionLanguage(setup.modelCard().get())
                || MappingTypes.find(mapping.get()) instanceof TextMappingType, setup.modelCard(), mapping);
        setup.dataset().addListener((o, was, now) -> rebuild(now));
        names.addListener(o -> fromField());
        for (String id : List.of(Settings.MAPPING.id(), TextSettings.CLASS_NAMES.id(), TextSettings.TEMPLATE.id(),
                TextSettings.TEMPLATES.id(), TextSettings.DESCRIPTIONS.id(), TextSettings.TOP_K.id())) {
            setup.field(id).addListener(o -> refreshPreview());
        }
        setup.modelCard().addListener((o, was, card) -> suggestMapping(card));
        rebuild(setup.dataset().get());
    }

    /**
     * A vision-language source reads classes as text: a classifier's mapping is switched to "text"
     * (the one chosen before is kept); a classifier source gets that mapping back (or the default)
     * when a text mapping was chosen. A saved run's mapping ({@code SetupViewModel.apply}) is set after
     * its source, so it stays.
     */
    private void suggestMapping(ModelCard card) {
        if (card == null) {
            return;
        }
        StringProperty mapping = setup.field(Settings.MAPPING);
        boolean text = MappingTypes.find(mapping.get()) instanceof TextMappingType;
        if (card.isVisionLanguage() && !text) {
            classifierMapping = mapping.get();
            mapping.set(TEXT_MAPPING);
        } else if (!card.isVisionLanguage() && text) {
            mapping.set(classifierMapping != null ? classifierMapping : Settings.MAPPING.parameter().defaultValue());
        }
    }

    /** The mapping a vision-language source starts with. */
    static final String TEXT_MAPPING = "text";

    /**
     * An editor of the descriptions of each class (by the names the prompts use), starting from the
     * file {@code mapping.descriptions} names; saving it sets that field.
     */
    public DescriptionsViewModel descriptionsEditor() {
        List<String> n = classes.stream().map(c -> c.name().get().strip()).toList();
        return new DescriptionsViewModel(n, setup.field(TextSettings.DESCRIPTIONS.id()), executor);
    }

    static boolean isVisionLanguage(ModelCard card) {
        return card != null && card.isVisionLanguage();
    }

    /** New rows for DATA's classes; names of another class count are dropped (folder names again). */
    private void rebuild(TargetDataset data) {
        syncing = true;
        try {
            List<String> folders = data == null ? List.of() : data.classNames();
            List<String> given = TextSettings.parseNames(names.get());
            if (data != null && !given.isEmpty() && given.size() != folders.size()) {
                names.set(""); // another target: its folder names, not the last one's names
                given = List.of();
            }
            List<ClassName> rows = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                ClassName row = new ClassName(folders.get(i), given.isEmpty() ? folders.get(i) : given.get(i));
                row.name.addListener(o -> toField());
                rows.add(row);
            }
            classes.setAll(rows);
            checkRows();
        } finally {
            syncing = false;
        }
        refreshPreview();
    }

    /** The field was typed or filled (a saved run): the rows follow when it names each class once. */
    private void fromField() {
        if (syncing) {
            return;
        }
        List<String> given = TextSettings.parseNames(names.get());
        syncing = true;
        try {
            for (int i = 0; i < classes.size(); i++) {
                if (given.isEmpty()) {
                    classes.get(i).name.set(classes.get(i).folder);
                } else if (given.size() == classes.size()) {
                    classes.get(i).name.set(given.get(i));
                }
            }
            checkRows();
        } finally {
            syncing = false;
        }
    }

    /** A row was edited: the field gets every row's name, joined with commas. */
    private void toField() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            names.set(String.join(",", classes.stream().map(c -> c.name.get().strip()).toList()));
            checkRows();
        } finally {
            syncing = false;
        }
    }

    private void checkRows() {
        for (int i = 0; i < classes.size(); i++) {
            ClassName row = classes.get(i);
            String n = row.name.get() == null ? "" : row.name.get().strip();
            String problem = "";
            if (n.isEmpty()) {
                problem = "The name of class '" + row.folder + "' is empty: write the word the prompts should say";
            } else if (n.contains(",")) {
                problem = "A name cannot contain a comma (commas separate the names)";
            } else {
                for (int j = 0; j < i; j++) {
                    if (classes.get(j).name.get().strip().equals(n)) {
                        problem = "Class '" + classes.get(j).folder + "' has this name too: give each class its own";
                        break;
                    }
                }
            }
            row.problem.set(problem);
        }
    }

    /** The prompts the chosen text mapping makes of the current names and templates. */
    void refreshPreview() {
        TargetDataset data = setup.dataset().get();
        if (!(MappingTypes.find(setup.field(Settings.MAPPING).get()) instanceof TextMappingType text) || data == null) {
            preview.clear();
            previewCaption.set(data == null ? "The prompts appear here once a target is read." : "");
            return;
        }
        String template = setup.field(TextSettings.TEMPLATE.id()).get();
        if (!text.parameters().contains(TextSettings.DESCRIPTIONS) && Templates.problem(template) != null) {
            preview.clear();
            previewCaption.set("No prompts: the template " + Templates.problem(template) + ".");
            return;
        }
        try {
            PromptSet prompts = text.prompts(data.classNames(), setup.config().mapping().settings());
            List<String> texts = new ArrayList<>();
            prompts.prompts().forEach(p -> texts.addAll(p.texts()));
            List<String> shownTexts = texts.subList(0, Math.min(PREVIEW_MAX, texts.size()));
            if (!shownTexts.equals(preview)) {
                preview.setAll(shownTexts);
            }
            previewCaption.set(caption(text, prompts, texts.size()));
        } catch (UserInputException | IllegalArgumentException e) {
            preview.clear();
            previewCaption.set("No prompts: " + Fields.words(e.getMessage()));
        }
    }

    /**
     * "810 prompts – ILM-VP's prompt choice, every epoch": the count and what the mapping does with them,
     * in the mapping's own words ({@link TextMappingType#description()}).
     */
    static String caption(TextMappingType mapping, PromptSet prompts, int texts) {
        String what = prompts.size() + " prompt" + (prompts.size() == 1 ? "" : "s")
                + (texts > prompts.size() ? " (each the mean of " + texts / Math.max(1, prompts.size())
                        + " texts' embeddings)" : "") + " – " + mapping.description();
        return what + (texts > PREVIEW_MAX ? "; the first " + PREVIEW_MAX + " of " + texts + " texts:" : ":");
    }
}
