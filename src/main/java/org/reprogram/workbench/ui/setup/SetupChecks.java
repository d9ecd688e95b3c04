package org.reprogram.workbench.ui.setup;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.mapping.Frequencies;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.ui.common.Fields;

/**
 * The checks that need both the model card and the dataset, shown before Start (the engine repeats
 * them at start: {@code Experiment.checkMethod}, with the same helpers).
 */
public final class SetupChecks {

    private SetupChecks() {}

    static List<String> modelAndData(TrainConfig c, ModelCard card, String modelError, boolean modelChecking,
            TargetDataset data, String dataError, boolean dataLoading) {
        List<String> p = new ArrayList<>();
        if (modelChecking) {
            p.add("checking the source model …");
        } else if (!modelError.isEmpty()) {
            p.add(modelError);
        }
        if (dataLoading) {
            p.add("reading the target folder …");
        } else if (!dataError.isEmpty()) {
            p.add(dataError);
        }
        if (card == null || data == null) {
            return p;
        }
        int ks = card.numClasses();
        int kt = data.numClasses();
        MappingKind m = c.mapping();
        int perClass = m != null && m.multiSource() ? Math.max(1, c.sourcesPerClass()) : 1;
        boolean blmPlusFits = Frequencies.blmPlusK(kt) <= ks;
        if (m != null && m.oneToOne() && (long) kt * perClass > ks) {
            p.add("mapping '" + m.id() + "' gives each target class its own source class" + (perClass > 1
                    ? "es (" + perClass + ")" : "") + ", but the target has " + kt + " classes and '"
                    + card.name() + "' only " + ks + ". Fix: choose " + (blmPlusFits ? "linear, blm or blm+" : "linear or blm")
                    + (perClass > 1 ? ", or fewer sources per class" : ""));
        }
        String mappingProblem = m == null ? null : m.problemWith(card, kt);
        if (mappingProblem != null) {
            p.add(Fields.words(mappingProblem));
        }
        String programProblem = c.program() == null ? null : c.program().problemWith(card);
        if (programProblem != null) {
            p.add(Fields.words(programProblem));
        }
        int side = Math.min(card.height(), card.width());
        if (c.program() != null && !c.program().fillsCanvas() && c.innerSize() >= side) {
            p.add("inner size " + c.innerSize() + " leaves no frame on the " + card.height() + "x" + card.width()
                    + " canvas of '" + card.name() + "'. Fix: choose 1.." + (side - 1) + " (0 = " + side / 2 + ")");
        }
        return p;
    }
}
