package org.reprogram.workbench.ui.setup;

import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.mapping.Frequencies;
import org.reprogram.workbench.core.mapping.MappingKind;
import org.reprogram.workbench.core.data.DataMemory;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.train.BatchMemory;
import org.reprogram.workbench.core.train.TrainConfig;
import org.reprogram.workbench.ui.common.Fields;
import org.reprogram.workbench.ui.common.SetupField;

/**
 * The checks that need both the model card and the dataset, shown before Start (the engine repeats
 * them at start: {@code Experiment.checkMethod}, with the same helpers). Each problem goes to the
 * field whose change fixes it: the model's and the folder's errors to their choosers, a mapping with
 * too few source classes to the mapping (or to the sources per class where one source each would
 * fit), a canvas smm cannot use to the program, an inner size without a frame to the inner size.
 */
public final class SetupChecks {

    private SetupChecks() {}

    static void modelAndData(Fields out, TrainConfig c, ModelCard card, String modelError, TargetDataset data,
            String dataError) {
        if (!modelError.isEmpty()) {
            out.replace(SetupField.SOURCE, modelError);
        }
        if (!dataError.isEmpty()) {
            out.replace(SetupField.TARGET, dataError);
        }
        if (card == null || data == null) {
            return;
        }
        int ks = card.numClasses();
        int kt = data.numClasses();
        MappingKind m = c.mapping();
        int perClass = m != null && m.multiSource() ? Math.max(1, c.sourcesPerClass()) : 1;
        boolean blmPlusFits = Frequencies.blmPlusK(kt) <= ks;
        if (m != null && m.oneToOne() && (long) kt * perClass > ks) {
            if (perClass > 1 && kt <= ks) {
                out.add(SetupField.SOURCES_PER_CLASS, SetupField.SOURCES_PER_CLASS.subject() + ": at most " + ks / kt
                        + " (" + ks + " source ÷ " + kt + " target classes)");
            } else {
                out.add(SetupField.MAPPING, SetupField.MAPPING.subject() + " '" + m.id() + "' gives each target class its own source class"
                        + (perClass > 1 ? "es (" + perClass + ")" : "") + ", but the target has " + kt + " classes and '"
                        + card.name() + "' only " + ks + ". Fix: choose " + (blmPlusFits ? "linear, blm or blm+"
                        : "linear or blm") + (perClass > 1 ? ", or fewer sources per class" : ""));
            }
        }
        String mappingProblem = m == null ? null : m.problemWith(card, kt);
        if (mappingProblem != null) {
            out.add(SetupField.MAPPING, labelled(SetupField.MAPPING, "mapping", mappingProblem));
        }
        String programProblem = c.program() == null ? null : c.program().problemWith(card);
        if (programProblem != null) {
            out.add(SetupField.PROGRAM, labelled(SetupField.PROGRAM, "program", programProblem));
        }
        BatchMemory.Refusal tooLarge = BatchMemory.check(c.batchSize(), data.train().size(), card.channels(),
                card.height(), card.width(), BatchMemory.budgetBytes());
        if (tooLarge != null) {
            out.add(SetupField.BATCH_SIZE, SetupField.BATCH_SIZE.subject() + " " + c.batchSize() + " needs at least "
                    + DataMemory.describe(tooLarge.needBytes()) + " for " + card.channels() + "×" + card.height() + "×"
                    + card.width() + " canvases, more than this machine's " + DataMemory.describe(tooLarge.budgetBytes())
                    + ": use at most " + tooLarge.maxBatch());
        }
        int side = Math.min(card.height(), card.width());
        if (c.program() != null && !c.program().fillsCanvas() && c.innerSize() >= side) {
            out.add(SetupField.INNER_SIZE, SetupField.INNER_SIZE.subject() + " " + c.innerSize() + " leaves no frame on "
                    + card.height() + "×" + card.width() + ": use 1 … " + (side - 1) + " (0 = " + side / 2 + ")");
        }
    }

    /** ENGINETEXT ("mapping 'blm+' sums …") in the GUI's words, starting with FIELD's label ("Label mapping 'blm+' sums …"). */
    private static String labelled(SetupField field, String engineSubject, String engineText) {
        String s = Fields.words(engineText);
        return s.startsWith(engineSubject + " ") ? field.subject() + s.substring(engineSubject.length()) : s;
    }
}
