package org.reprogram.workbench.ui.setup;

import java.util.List;
import org.reprogram.workbench.core.mapping.text.TextSettings;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;

/**
 * Which registry settings the setup form shows as generated fields, and in which section: every
 * setting of {@link ParameterRegistry#all()} in its order, except those with their own controls
 * (source, target, skip unreadable images; the method is chosen by Start or the baseline queue) and
 * the run's resources other than the device. A newly registered program's or mapping's setting is
 * therefore in the form without a change here.
 */
final class SetupSettings {

    private SetupSettings() {}

    /** The settings with a generated field, in registry order. */
    static List<Setting<?>> shown() {
        return ParameterRegistry.all().stream().filter(SetupSettings::generated).toList();
    }

    /**
     * The settings of the section "Input program and label mapping": program, mapping and trainer with
     * their own, loss; the text mappings' settings are in {@link #prompts()}.
     */
    static List<Setting<?>> method() {
        return shown().stream().filter(s -> ofMethod(s) && !ofPrompts(s)).toList();
    }

    /**
     * The settings of the text label mappings (class names, template, template set, descriptions, top k):
     * the prompts section under the target preview shows them ({@link PromptsView}).
     */
    static List<Setting<?>> prompts() {
        return shown().stream().filter(SetupSettings::ofPrompts).toList();
    }

    /** The settings of the section "Optimisation": the rest. */
    static List<Setting<?>> optimisation() {
        return shown().stream().filter(s -> !ofMethod(s)).toList();
    }

    /** Whether SETTING has a field of its own in the form (generated, or the source and target choosers). */
    static boolean hasField(Setting<?> setting) {
        return setting == Settings.SOURCE || setting == Settings.TARGET || generated(setting);
    }

    private static boolean generated(Setting<?> s) {
        if (s == Settings.METHOD || s == Settings.SOURCE || s == Settings.TARGET || s == Settings.SKIP_BAD_IMAGES) {
            return false;
        }
        return !s.id().startsWith("resources.") || s == Settings.DEVICE;
    }

    private static boolean ofPrompts(Setting<?> s) {
        return PROMPT_SETTINGS.contains(s.id());
    }

    private static final java.util.Set<String> PROMPT_SETTINGS = java.util.Set.of(TextSettings.CLASS_NAMES.id(),
            TextSettings.TEMPLATE.id(), TextSettings.TEMPLATES.id(), TextSettings.DESCRIPTIONS.id(),
            TextSettings.TOP_K.id());

    private static boolean ofMethod(Setting<?> s) {
        String section = s.id().contains(".") ? s.id().substring(0, s.id().indexOf('.')) : s.id();
        return s == Settings.LOSS || section.equals("program") || section.equals("mapping") || section.equals("trainer");
    }
}
