package org.reprogram.workbench.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.ServiceFiles;
import org.reprogram.workbench.core.model.ModelCard;
import org.reprogram.workbench.core.param.ParameterValues;

/**
 * The registry of label mappings: every built-in from the services file in its order, unique ids,
 * capabilities (exclusive sources per target, frequency-driven) that agree with the mappings they
 * create, the class-count rule made from them, and a mapping that only a services file registers.
 */
class MappingTypesTest {

    static ModelCard card(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("s" + i);
        }
        return new ModelCard("m" + classes, new int[] {1, 8, 8}, names, null, null, null, null);
    }

    static MappingContext context(MappingType t, int sourceClasses, int targetClasses, int perClass) {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < targetClasses; i++) {
            targets.add("t" + i);
        }
        ParameterValues settings = t.parameters().contains(MappingSettings.SOURCES_PER_CLASS)
                ? ParameterValues.empty().with(MappingSettings.SOURCES_PER_CLASS, perClass) : ParameterValues.empty();
        return new MappingContext(card(sourceClasses), targets, settings, 5);
    }

    /** The mappings of a classifier's classes (the class-count capabilities are theirs). */
    private static List<MappingType> classifierMappings() {
        return MappingTypes.all().stream().filter(t -> !t.readsText()).toList();
    }

    @Test
    void listsEveryBuiltInInServicesFileOrder() throws Exception {
        assertEquals(ServiceFiles.registered(MappingType.class),
                MappingTypes.all().stream().map(t -> t.getClass().getName()).toList());
        assertEquals(List.of("random", "flm", "ilm", "linear", "blm", "blm+", "bar", "text", "text-ilm", "text-blm",
                "descriptions"), MappingTypes.ids());
    }

    @Test
    void idsAreUniqueAndFoundIgnoringCase() {
        assertEquals(MappingTypes.ids().size(), new HashSet<>(MappingTypes.ids()).size());
        for (MappingType t : MappingTypes.all()) {
            assertTrue(t.id().matches("[a-z0-9+-]+"), t.id());
            assertSame(t, MappingTypes.find(t.id().toUpperCase(java.util.Locale.ROOT)));
            assertFalse(t.label().isBlank() || t.description().isBlank() || t.details().isBlank(), t.id());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappingTypes.get("nearest"));
        assertTrue(e.getMessage().startsWith("unknown mapping 'nearest' (use random, flm, ilm,"), e.getMessage());
    }

    /**
     * exclusiveSourcesPerTarget > 0 exactly for mappings that assign each target class that many source
     * classes of its own; frequencyDriven exactly for mappings that ask for the frequency matrix.
     */
    @Test
    void capabilitiesAgreeWithTheMappingsTheyCreate() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (MappingType t : classifierMappings()) { // text mappings: TextMappingsTest
                MappingContext c = context(t, 12, 3, 2);
                assertEquals(List.of(), t.problems(c), t.id());
                int exclusive = t.exclusiveSourcesPerTarget(c.settings());
                try (LabelMapping m = t.create(c, manager)) {
                    assertEquals(t.id(), m.name());
                    boolean asks = false;
                    for (int epoch = 0; epoch < 4; epoch++) {
                        asks |= m.needsFrequencies(epoch);
                    }
                    assertEquals(t.frequencyDriven(), asks, t.id() + ": frequencyDriven vs needsFrequencies");
                    if (exclusive == 0) {
                        assertNull(m.assignment(), t.id() + " reads every source class");
                        continue;
                    }
                    int[][] a = m.assignment();
                    assertNotNull(a, t.id());
                    Set<Integer> used = new HashSet<>();
                    for (int[] row : a) {
                        assertEquals(exclusive, row.length, t.id() + ": sources per target class");
                        for (int s : row) {
                            assertTrue(used.add(s), t.id() + ": source " + s + " read by two target classes");
                        }
                    }
                }
            }
        }
    }

    @Test
    void exclusiveMappingsReportTooFewSourceClassesTheOthersDoNot() {
        for (MappingType t : classifierMappings()) {
            MappingContext few = context(t, 4, 5, 1);
            assertEquals(t.exclusiveSourcesPerTarget(few.settings()) > 0, !t.problems(few).isEmpty(), t.id());
        }
        MappingType bar = MappingTypes.get("bar");
        assertEquals("mapping.sources_per_class", bar.problems(context(bar, 12, 5, 3)).get(0).parameterId(),
                "5 x 3 > 12: lower the sources per class");
    }

    @Test
    void classCountRuleNamesTheExclusiveMappingsFromTheirCapability() {
        List<String> exclusive = classifierMappings().stream()
                .filter(t -> t.exclusiveSourcesPerTarget(ParameterValues.empty()) > 0).map(MappingType::id).toList();
        assertEquals(List.of("random", "flm", "ilm", "bar"), exclusive);
        assertEquals("random, flm, ilm and bar read each target class from its own source class(es), so they need"
                + " K_s ≥ K_t (× sources per class); linear, blm and blm+ work with any counts.",
                MappingTypes.classCountRule());
    }

    @Test
    void aMappingRegisteredOnlyByAServicesFileIsFound(@TempDir Path dir) throws Exception {
        try (URLClassLoader plugin = ServiceFiles.withServicesFile(dir, MappingType.class,
                ServiceOnlyMapping.Type.class.getName())) {
            Map<String, MappingType> types = MappingTypes.load(plugin);
            List<String> expected = new ArrayList<>(MappingTypes.ids());
            expected.add("service-only");
            assertEquals(expected, List.copyOf(types.keySet()));
            assertEquals(ServiceOnlyMapping.Type.class, types.get("service-only").getClass());
        }
        assertNull(MappingTypes.find("service-only"));
    }

    @Test
    void aSecondMappingUnderATakenIdIsRefused(@TempDir Path dir) throws Exception {
        try (URLClassLoader plugin = ServiceFiles.withServicesFile(dir, MappingType.class,
                ServiceOnlyMapping.ClashingType.class.getName())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> MappingTypes.load(plugin));
            assertEquals("two label mappings registered as 'ilm'", e.getMessage());
        }
    }
}
