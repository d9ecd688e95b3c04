package org.reprogram.workbench.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Settings;

/**
 * BLM+ as a mapping registered by one class and its services line: found by id, a frequency-driven
 * mapping over every source class, the top-k mapping of BayesianLM (k = 15 % of K_t), refused with
 * the fix where the source model has fewer than k classes, and usable from a run specification.
 */
class BlmPlusMappingTest {

    @Test
    void registeredByItsServicesLineAndUsableByItsId() {
        MappingType t = MappingTypes.get("blm+");
        assertInstanceOf(BlmPlusMapping.class, t);
        assertTrue(t.frequencyDriven());
        assertEquals(0, t.exclusiveSourcesPerTarget(null), "reads every source class");
        RunSpec spec = RunSpec.defaults("t").with(Settings.MAPPING, "blm+");
        assertEquals(List.of(), ParameterRegistry.problems(spec));
        assertTrue(Settings.MAPPING.parameter().type().choices().contains("blm+"), "a choice of the CLI and the form");
    }

    @Test
    void createsTheTopKBayesianMapping() {
        try (NDManager m = NDManager.newBaseManager()) {
            LabelMapping mapping = MappingTypes.get("blm+").create(MappingTypesTest.context(MappingTypes.get("blm+"), 10,
                    20, 1), m);
            assertEquals(3, mapping.topK(), "k = floor(0.15 x 20)");
            assertTrue(mapping.needsFrequencies(0) && mapping.needsFrequencies(5), "recomputed every epoch");
            assertEquals(10, mapping.sourceClasses());
            assertEquals(20, mapping.targetClasses());
            mapping.close();
        }
    }

    @Test
    void needsAtLeastKSourceClasses() {
        MappingType t = MappingTypes.get("blm+");
        List<Problem> p = t.problems(MappingTypesTest.context(t, 2, 20, 1));
        assertEquals(1, p.size());
        assertEquals("mapping", p.get(0).parameterId());
        assertTrue(ParameterRegistry.inWords(p.get(0)).contains("top k = 3")
                && ParameterRegistry.inWords(p.get(0)).contains("--mapping blm or linear"), ParameterRegistry.inWords(p.get(0)));
        assertEquals(List.of(), t.problems(MappingTypesTest.context(t, 3, 20, 1)), "k = 3 source classes suffice");
    }
}
