package org.reprogram.workbench.ui.studies;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.reprogram.workbench.core.study.BackendChoice;
import org.reprogram.workbench.core.study.InProcessBackend;
import org.reprogram.workbench.core.study.TrialBackend;

/** The Studies tab's backend in tests: core.study's in-process one, and the choices the tab asked for. */
final class FakeStudyBackend {

    /** The choices the tab opened backends for, in order. */
    static final List<BackendChoice> OPENED = new CopyOnWriteArrayList<>();

    private FakeStudyBackend() {}

    /** The factory the ViewModel gets: PARALLEL trials at once, whatever the choice. */
    static Function<BackendChoice, TrialBackend> factory(int parallel) {
        return c -> {
            OPENED.add(c);
            return new InProcessBackend(parallel);
        };
    }
}
