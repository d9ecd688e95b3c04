package org.reprogram.workbench.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.TestPaths;
import org.reprogram.workbench.core.spec.Settings;
import org.reprogram.workbench.ui.common.SyncTaskExecutor;

/** The setup remembers the model between sessions, takes a typed model path, and caps the epochs. */
class SetupMemoryAndLimitsTest {

    private static final Path TINY = TestPaths.fixtures().resolve("torchscript/tiny_cnn.pt");

    @Test
    void theModelChosenLastTimeIsChosenAgainAndATypedPathIsChecked(@TempDir Path tmp) throws Exception {
        Path settings = tmp.resolve("settings.properties");
        SetupViewModel first = new SetupViewModel(new SyncTaskExecutor());
        first.rememberModelIn(settings);
        assertEquals("builtin:fmnist-cnn", first.source.get(), "nothing remembered yet: the default");
        first.source.set(TINY.toString()); // typed into the (editable) model field
        assertEquals("tiny_cnn", first.modelCard().get().name(), first.modelError().get());
        assertTrue(Files.readString(settings).contains("tiny_cnn.pt"));

        SetupViewModel next = new SetupViewModel(new SyncTaskExecutor()); // the next session
        next.rememberModelIn(settings);
        assertEquals(TINY.toString(), next.source.get(), "the model chosen last time");
        assertEquals("tiny_cnn", next.modelCard().get().name());

        next.source.set(tmp.resolve("missing.pt").toString()); // a typo: checked, not remembered
        assertFalse(next.modelError().get().isEmpty());
        SetupViewModel third = new SetupViewModel(new SyncTaskExecutor());
        third.rememberModelIn(settings);
        assertEquals(TINY.toString(), third.source.get(), "a model that did not load is not remembered");

        Files.delete(settings.resolveSibling("settings.properties"));
        Files.writeString(settings, "source=" + tmp.resolve("gone.pt"));
        SetupViewModel gone = new SetupViewModel(new SyncTaskExecutor());
        gone.rememberModelIn(settings);
        assertEquals("builtin:fmnist-cnn", gone.source.get(), "a remembered file that is gone: the default");
    }

    @Test
    void epochsAreCappedWithAMessageThatStatesTheCap() {
        SetupViewModel vm = new SetupViewModel(new SyncTaskExecutor());
        vm.target().set(TestPaths.digits().toString());
        vm.field(Settings.EPOCHS).set(Integer.toString(SetupViewModel.MAX_EPOCHS));
        assertTrue(vm.valid().get(), String.join(" | ", vm.problems));
        vm.field(Settings.EPOCHS).set("100000");
        assertFalse(vm.valid().get(), "a typo such as 100000 no longer passes silently");
        assertEquals("Epochs must be at most 1000 in the window (its curves and table show every epoch); the train"
                + " command takes more", vm.problem(Settings.EPOCHS).get());
    }
}
