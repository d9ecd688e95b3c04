package org.reprogram.workbench.core.study.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.gson.JsonParser;
import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.study.TrialTask;

/** A task that Spark gave a GPU trains on it; others keep their device. (No GPU here: only the rewrite is tested.) */
class TrialFunctionTest {

    private final TrialTask task = Trials.task("t", Trials.spec(1, 1), 0, null, Map.of());

    @Test
    void aTaskWithAGpuTrainsOnTheGpu() {
        TrialTask onGpu = TrialFunction.withGpu(task, Map.of("gpu", new ResourceInformation("gpu", new String[] {"0"})));
        assertEquals("gpu", JsonParser.parseString(onGpu.configJson()).getAsJsonObject().get("resources.device")
                .getAsString());
        assertEquals(task.trialId(), onGpu.trialId());
        assertEquals(task.shipped(), onGpu.shipped());
    }

    @Test
    void aTaskWithoutIsUnchanged() {
        assertEquals("cpu", JsonParser.parseString(task.configJson()).getAsJsonObject().get("resources.device")
                .getAsString());
        assertSame(task, TrialFunction.withGpu(task, Map.of()));
    }
}
