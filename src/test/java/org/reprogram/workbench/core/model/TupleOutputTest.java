package org.reprogram.workbench.core.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.UserInputException;

/** A module returning a tuple gets "returns 2 outputs", not the misleading "set inputShape". */
class TupleOutputTest {

    @Test
    void aTupleOutputIsRefusedWithWhatToChange() {
        Path pt = Path.of("model.pt");
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray logits = m.zeros(new Shape(1, 5));
            assertSame(logits, TorchScriptSourceModel.logitsOf(new NDList(logits), pt));
            UserInputException e = assertThrows(UserInputException.class,
                    () -> TorchScriptSourceModel.logitsOf(new NDList(logits, m.zeros(new Shape(1, 16))), pt));
            assertTrue(e.getMessage().startsWith("model.pt: the model returns 2 outputs (a tuple or list)"), e.getMessage());
            assertTrue(e.getMessage().contains("Fix: export a module whose forward returns only the logits"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("inputShape"), e.getMessage());
        }
    }
}
