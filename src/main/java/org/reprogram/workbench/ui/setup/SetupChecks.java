package org.reprogram.workbench.ui.setup;

import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.data.DataMemory;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.train.BatchMemory;
import org.reprogram.workbench.core.spec.RunSpec;
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

    static void modelAndData(Fields out, RunSpec c, ModelCard card, String modelError, TargetDataset data,
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
        for (Problem p : ParameterRegistry.problemsWith(c, card, data.classNames())) {
            SetupField f = SetupField.of(p.parameterId());
            out.add(f, p.text(f == null ? null : f.subject(), ""));
        }
        BatchMemory.Refusal tooLarge = BatchMemory.check(c.optimization().batchSize(), data.train().size(), card.channels(),
                card.height(), card.width(), BatchMemory.budgetBytes());
        if (tooLarge != null) {
            out.add(SetupField.BATCH_SIZE, SetupField.BATCH_SIZE.subject() + " " + c.optimization().batchSize() + " needs at least "
                    + DataMemory.describe(tooLarge.needBytes()) + " for " + card.channels() + "×" + card.height() + "×"
                    + card.width() + " canvases, more than this machine's " + DataMemory.describe(tooLarge.budgetBytes())
                    + ": use at most " + tooLarge.maxBatch());
        }
        int side = Math.min(card.height(), card.width());
        int inner = c.program().settings().get(FrameSettings.INNER_SIZE);
        if (ParameterRegistry.get(FrameSettings.INNER_SIZE.id()).appliesTo(c) && inner >= side) {
            out.add(SetupField.INNER_SIZE, FrameSettings.noFrame(card, inner).text(SetupField.INNER_SIZE.subject()));
        }
    }
}
