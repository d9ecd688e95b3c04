package org.reprogram.workbench.ui;

import java.util.ArrayList;
import java.util.List;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.program.ProgramKind;
import org.reprogram.workbench.core.train.TrainConfig;

/** The checks that need both the model card and the dataset (the engine repeats them at start). */
final class SetupChecks {

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
        if (c.mapping() != null && c.mapping().oneToOne() && (long) kt * Math.max(1, c.sourcesPerClass()) > ks) {
            p.add("mapping '" + c.mapping().id() + "' gives each target class its own source class" + (c.sourcesPerClass() > 1
                    ? "es (" + c.sourcesPerClass() + ")" : "") + ", but the target has " + kt + " classes and '"
                    + card.name() + "' only " + ks + ". Fix: choose linear or blm"
                    + (c.sourcesPerClass() > 1 ? ", or fewer sources per class" : ""));
        }
        int side = Math.min(card.height(), card.width());
        if (c.program() == ProgramKind.PAD && c.innerSize() >= side) {
            p.add("inner size " + c.innerSize() + " leaves no frame on the " + card.height() + "x" + card.width()
                    + " canvas of '" + card.name() + "'. Fix: choose 1.." + (side - 1) + " (0 = " + side / 2 + ")");
        }
        return p;
    }
}
