package org.reprogram.workbench.ui.runs;

import java.io.IOException;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.run.Baselines;
import org.reprogram.workbench.core.run.RunLauncher;
import org.reprogram.workbench.core.train.TrainingControl;
import org.reprogram.workbench.core.train.TrainingListener;
import org.reprogram.workbench.core.train.TrainingResult;

/** How the baseline queue trains (the engine; a fake one in ViewModel tests). Blocks until done. */
@FunctionalInterface
public interface BaselineBackend {

    TrainingResult run(RunSpec config, RunLauncher.RunDir runDir, TrainingListener listener,
            TrainingControl control) throws IOException;

    static BaselineBackend engine() {
        return Baselines::run;
    }
}
