package org.reprogram.workbench.ui.setup;

import org.reprogram.workbench.core.data.DataMemory;
import org.reprogram.workbench.core.data.TargetDataset;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.program.FrameSettings;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.core.train.BatchMemory;
import org.reprogram.workbench.ui.common.Fields;

/**
 * The checks that need both the model card and the dataset, shown before Start (the engine repeats
 * them at start: {@code Experiment.checkMethod}, with the same helpers). Each problem goes to the
 * field of its {@link Problem#parameterId()}, the setting whose change fixes it (the program's and
 * mapping's own problems say which: a mapping with too few source classes to the mapping or to the
 * sources per class, a canvas smm cannot use to the program); the model's and the folder's errors
 * to their choosers; the batch memory and an inner size without a frame to those fields.
 */
public final class SetupChecks {

    private SetupChecks() {}

    static void modelAndData(Fields out, RunSpec c, ModelCard card, String modelError, TargetDataset data,
            String dataError) {
        if (!modelError.isEmpty()) {
            out.replace(Settings.SOURCE.id(), modelError);
        }
        if (!dataError.isEmpty()) {
            out.replace(Settings.TARGET.id(), dataError);
        }
        if (card == null || data == null) {
            return;
        }
        for (Problem p : ParameterRegistry.problemsWith(c, card, data.classNames())) {
            add(out, p);
        }
        BatchMemory.Refusal tooLarge = BatchMemory.check(c.optimization().batchSize(), data.train().size(), card.channels(),
                card.height(), card.width(), BatchMemory.budgetBytes());
        if (tooLarge != null) {
            out.add(Settings.BATCH_SIZE.id(), Settings.BATCH_SIZE.parameter().label() + " " + c.optimization().batchSize()
                    + " needs at least " + DataMemory.describe(tooLarge.needBytes()) + " for " + card.channels() + "×"
                    + card.height() + "×" + card.width() + " canvases, more than this machine's "
                    + DataMemory.describe(tooLarge.budgetBytes()) + ": use at most " + tooLarge.maxBatch());
        }
        int side = Math.min(card.height(), card.width());
        int inner = c.program().settings().get(FrameSettings.INNER_SIZE);
        if (ParameterRegistry.get(FrameSettings.INNER_SIZE.id()).appliesTo(c) && inner >= side) {
            add(out, FrameSettings.noFrame(card, inner));
        }
    }

    /**
     * Adds PROBLEM to the field of its setting, worded with the field's label ("Validation share
     * must be …"; the fix without option names: the field stands beside it); a problem of the run as
     * a whole, or of a setting without a field, goes to the attention line.
     */
    static void add(Fields out, Problem problem) {
        Setting<?> s = problem.parameterId() == null ? null : ParameterRegistry.find(problem.parameterId());
        String text = Fields.capitalized(problem.text(s == null ? null : s.parameter().label(), ""));
        out.add(s != null && SetupSettings.hasField(s) ? s.id() : null, text);
    }
}
