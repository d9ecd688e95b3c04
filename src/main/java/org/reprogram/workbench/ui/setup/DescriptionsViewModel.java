package org.reprogram.workbench.ui.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.reprogram.workbench.core.mapping.text.DescriptionsFile;
import org.reprogram.workbench.ui.common.TaskExecutor;

/**
 * The descriptions editor of the {@code descriptions} mapping (AttrVR: several descriptions per class):
 * per class name, its descriptions one per line; saved with {@link DescriptionsFile#write} (atomically)
 * in the background, then {@code mapping.descriptions} names the file. It starts from the file the
 * field names when that file has every class, else empty. A class without a description is a problem
 * shown under the editor, and Save waits until none is left.
 */
public final class DescriptionsViewModel {

    /** The class names the descriptions are for (the prompts' names, in label order). */
    public final List<String> classNames;
    /** Per class: its descriptions, one per line. */
    public final List<StringProperty> texts = new ArrayList<>();
    /** What keeps Save disabled ("" when it can save), or how the last save went. */
    public final StringBinding problem;
    /** "Saved to FILE", or why the file could not be written. */
    public final StringProperty status = new SimpleStringProperty("");

    private final TaskExecutor executor;
    private final StringProperty field;

    DescriptionsViewModel(List<String> classNames, StringProperty field, TaskExecutor executor) {
        this.classNames = List.copyOf(classNames);
        this.field = field;
        this.executor = executor;
        List<List<String>> start = existing(field.get(), classNames);
        for (int c = 0; c < classNames.size(); c++) {
            texts.add(new SimpleStringProperty(start == null ? "" : String.join("\n", start.get(c))));
        }
        problem = Bindings.createStringBinding(this::check, texts.toArray(StringProperty[]::new));
    }

    /** The descriptions of each class as written (blank lines left out). */
    public List<List<String>> descriptions() {
        List<List<String>> out = new ArrayList<>();
        for (StringProperty t : texts) {
            out.add(t.get().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        }
        return out;
    }

    /** A file name to offer in the save dialog: the field's file, else descriptions.json in TARGET. */
    public Path suggestedFile(Path target) {
        String f = field.get();
        if (f != null && !f.isBlank()) {
            return Path.of(f);
        }
        return (target == null ? Path.of(".") : target).resolve("descriptions.json");
    }

    /** Writes the descriptions to FILE in the background; then the field names it and ON_SAVED runs. */
    public void save(Path file, Runnable onSaved) {
        if (!check().isEmpty()) {
            return;
        }
        List<List<String>> d = descriptions();
        status.set("Saving …");
        executor.execute(() -> {
            DescriptionsFile.write(file, classNames, d);
            return file;
        }, f -> {
            status.set("Saved to " + f);
            field.set(f.toAbsolutePath().toString());
            onSaved.run();
        }, e -> status.set(file + ": cannot be written (" + e.getMessage() + "). Fix: choose a folder you can write"
                + " to"));
    }

    private String check() {
        List<List<String>> d = descriptions();
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            if (d.get(c).isEmpty()) {
                empty.add("'" + classNames.get(c) + "'");
            }
        }
        return empty.isEmpty() ? "" : "Write at least one description for " + String.join(", ", empty)
                + " (one per line)";
    }

    /** The descriptions in the file FILE names, or null when there is none or it lacks a class. */
    private static List<List<String>> existing(String file, List<String> classNames) {
        if (file == null || file.isBlank() || !Files.isRegularFile(Path.of(file))) {
            return null;
        }
        try {
            return DescriptionsFile.read(Path.of(file), classNames);
        } catch (RuntimeException e) {
            return null; // the form shows the file's problem under its field; the editor starts empty
        }
    }
}
