package org.reprogram.workbench.core.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprogram.workbench.core.ServiceFiles;

/**
 * The registry of input programs: every built-in from the services file in its order, unique ids,
 * a legend for each, and a program that only a services file registers (a plug-in jar) is found.
 */
class ProgramTypesTest {

    @Test
    void listsEveryBuiltInInServicesFileOrder() throws Exception {
        List<String> classes = ServiceFiles.registered(ProgramType.class);
        assertEquals(classes, ProgramTypes.all().stream().map(t -> t.getClass().getName()).toList());
        assertEquals(List.of("pad", "full", "scale", "smm"), ProgramTypes.ids(), "the four built-ins, in file order");
    }

    @Test
    void idsAreUniqueAndFoundIgnoringCase() {
        List<String> ids = ProgramTypes.ids();
        assertEquals(ids.size(), new HashSet<>(ids).size());
        for (ProgramType t : ProgramTypes.all()) {
            assertTrue(t.id().matches("[a-z0-9+-]+"), t.id());
            assertSame(t, ProgramTypes.find(t.id().toUpperCase(java.util.Locale.ROOT)));
            assertSame(t, ProgramTypes.get(" " + t.id() + " "));
            assertFalse(t.label().isBlank() || t.description().isBlank() || t.details().isBlank(), t.id());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProgramTypes.get("zoom"));
        assertEquals("unknown program 'zoom' (use pad, full, scale or smm)", e.getMessage());
        assertNull(ProgramTypes.find(null));
    }

    @Test
    void everyBuiltInHasALegendForEitherPicture() {
        for (ProgramType t : ProgramTypes.all()) {
            for (boolean signed : new boolean[] {true, false}) {
                ProgramLegend l = t.legend(signed);
                assertFalse(l == null || l.note().isBlank() || l.low().isBlank() || l.high().isBlank(), t.id());
                assertEquals(signed ? l : ProgramLegend.UNSIGNED_FRAME, ProgramLegend.of(t, signed), t.id());
            }
        }
        assertEquals(ProgramLegend.SIGNED_FRAME, ProgramTypes.get("pad").legend(true));
        assertEquals(ProgramLegend.SMM, ProgramTypes.get("smm").legend(true).note());
    }

    @Test
    void aProgramRegisteredOnlyByAServicesFileIsFound(@TempDir Path dir) throws Exception {
        try (URLClassLoader plugin = ServiceFiles.withServicesFile(dir, ProgramType.class,
                ServiceOnlyProgram.Type.class.getName())) {
            Map<String, ProgramType> types = ProgramTypes.load(plugin);
            List<String> expected = new ArrayList<>(ProgramTypes.ids());
            expected.add("service-only");
            assertEquals(expected, List.copyOf(types.keySet()), "the built-ins, then the plug-in's");
            assertEquals(ServiceOnlyProgram.Type.class, types.get("service-only").getClass());
        }
        assertNull(ProgramTypes.find("service-only"), "the build itself registers no test program");
    }

    @Test
    void aSecondProgramUnderATakenIdIsRefused(@TempDir Path dir) throws Exception {
        try (URLClassLoader plugin = ServiceFiles.withServicesFile(dir, ProgramType.class,
                ServiceOnlyProgram.ClashingType.class.getName())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ProgramTypes.load(plugin));
            assertEquals("two input programs registered as 'pad'", e.getMessage());
        }
    }
}
