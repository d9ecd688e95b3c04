package org.reprogram.workbench.ui.setup;

import java.util.List;
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

/**
 * The words the setup shows for the engine's choices: a short name for the closed combo box, a
 * longer line in its list and a description (caption and tooltip). Engine ids never reach the user
 * alone.
 */
public final class Choices {

    static final List<String> LOSSES = List.of("ce", "focal");
    static final List<String> TRAINERS = List.of("whitebox", "blackbox");

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
        String ks = card == null ? "" : "K_s = " + card.numClasses() + " source classes";
        String kt = data == null ? "" : "K_t = " + data.numClasses() + " target classes";
        return ks.isEmpty() || kt.isEmpty() ? ks + kt : ks + " · " + kt;
    }

    // --- frame activation, loss, trainer ---------------------------------------------------

    static String name(FrameActivation f) {
        return f == null ? "" : switch (f) {
            case TANH -> "tanh (−1 … +1)";
            case SIGMOID -> "sigmoid (0 … 1)";
        };
    }

    static String lossName(String id) {
        return "focal".equals(id) ? "focal loss (BAR)" : "ce".equals(id) ? "cross-entropy" : String.valueOf(id);
    }

    static String trainerName(String id) {
        return "blackbox".equals(id) ? "black-box (queries only)" : "whitebox".equals(id) ? "white-box (gradients)"
                : String.valueOf(id);
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
                setTooltip(empty || t == null || describe == null ? null : new Tooltip(describe.apply(t)));
            }
        });
    }
}
