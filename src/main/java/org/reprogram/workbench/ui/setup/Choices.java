package org.reprogram.workbench.ui.setup;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.mapping.MappingType;
import org.reprogram.workbench.core.mapping.MappingTypes;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.FrameActivation;
import org.reprogram.workbench.core.program.ProgramType;
import org.reprogram.workbench.core.program.ProgramTypes;
import org.reprogram.workbench.core.spec.LossKind;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.spec.TrainerKind;

/**
 * The words the setup shows for the engine's choices: a short name for the closed combo box, a
 * longer line in its list and a description (caption and tooltip). Engine ids never reach the user
 * alone.
 */
public final class Choices {

    private Choices() {}

    // --- programs and mappings: their registered words -------------------------------

    static String name(ProgramType p) {
        return p == null ? "" : p.label();
    }

    static String describe(ProgramType p) {
        return p == null ? "" : p.description() + ". " + p.details();
    }

    static String name(MappingType m) {
        return m == null ? "" : m.label();
    }

    static String describe(MappingType m) {
        return m == null ? "" : m.description().replace("K_s -> K_t", "from all source classes to the target classes")
                + ". " + m.details();
    }

    // --- class counts --------------------------------------------------------------------

    /** The tooltip of the class counts (which mappings need K_s ≥ K_t: from their declared capabilities). */
    static final String CLASS_COUNTS = "K_s: the number of classes the frozen source model predicts. K_t: the number"
            + " of target classes. " + MappingTypes.classCountRule();

    /** "K_s = 10 source classes · K_t = 10 target classes", either part alone while the other is unknown. */
    static String classCounts(ModelCard card, TargetDataset data) {
        String ks = card == null ? "" : card.isVisionLanguage() ? "K_s: the prompts (text) the mapping makes"
                : "K_s = " + card.numClasses() + " source classes";
        String kt = data == null ? "" : "K_t = " + data.numClasses() + " target classes";
        return ks.isEmpty() || kt.isEmpty() ? ks + kt : ks + " · " + kt;
    }

    // --- any choice setting: the words of its value ------------------------------------------

    static String name(FrameActivation f) {
        return f == null ? "" : switch (f) {
            case TANH -> "tanh (−1 … +1)";
            case SIGMOID -> "sigmoid (0 … 1)";
        };
    }

    /**
     * The words for the choice ID of SETTING: a program's or mapping's registered label, the label
     * of a trainer or loss, the range of a frame activation; the id itself for the rest (schedules,
     * devices) and for an id the setting does not know.
     */
    static String word(Setting<?> setting, String id) {
        if (id == null) {
            return "";
        }
        if (setting == Settings.PROGRAM) {
            ProgramType p = ProgramTypes.find(id);
            return p == null ? id : name(p);
        }
        if (setting == Settings.MAPPING) {
            MappingType m = MappingTypes.find(id);
            return m == null ? id : name(m);
        }
        Object value;
        try {
            value = setting.parameter().type().parse(id);
        } catch (IllegalArgumentException e) {
            return id;
        }
        if (value instanceof TrainerKind t) {
            return t.label();
        }
        if (value instanceof LossKind l) {
            return l.label();
        }
        if (value instanceof FrameActivation f) {
            return name(f);
        }
        return id;
    }

    /** The description of the choice ID of SETTING for its list's tooltip (programs and mappings), or null. */
    static String description(Setting<?> setting, String id) {
        if (setting == Settings.PROGRAM && ProgramTypes.find(id) != null) {
            return describe(ProgramTypes.find(id));
        }
        if (setting == Settings.MAPPING && MappingTypes.find(id) != null) {
            return describe(MappingTypes.find(id));
        }
        return null;
    }

    /** Shows NAME of the values in BOX (list and button), with DESCRIBE as the tooltip of each list line. */
    static <T> void words(ComboBox<T> box, Function<T, String> name, Function<T, String> describe) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return box.getItems().stream().filter(t -> name.apply(t).equals(s)).findFirst().orElse(null);
            }
        });
        box.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : name.apply(t));
                String d = empty || t == null || describe == null ? null : describe.apply(t);
                setTooltip(d == null ? null : new Tooltip(d));
            }
        });
    }
}
