package org.reprogram.workbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which source classes stand beside each target class, and which of their pictures. */
class MappingSourcesTest {

    /** K_s x K_t weights from rows given per target class (transposed for readability). */
    private static float[][] weights(float[]... perTarget) {
        float[][] w = new float[perTarget[0].length][perTarget.length];
        for (int t = 0; t < perTarget.length; t++) {
            for (int s = 0; s < perTarget[t].length; s++) {
                w[s][t] = perTarget[t][s];
            }
        }
        return w;
    }

    private static List<Integer> classes(List<MappingSources.Source> row) {
        return row.stream().map(MappingSources.Source::sourceClass).toList();
    }

    @Test
    void fixedMappingsShowTheirAssignedSourcesInOrder() {
        float[][] w = weights(new float[] {0, 1, 0, 1, 1}, new float[] {1, 0, 0, 0, 0});
        List<List<MappingSources.Source>> rows = MappingSources.of(w, new int[][] {{3, 1}, {0}});
        assertEquals(List.of(3, 1), classes(rows.get(0)), "many-to-one: every assigned source, in order");
        assertEquals(List.of(0), classes(rows.get(1)));
        assertTrue(rows.get(0).get(0).assigned());
        List<List<MappingSources.Source>> many = MappingSources.of(weights(new float[] {1, 1, 1, 1, 1}),
                new int[][] {{4, 3, 2, 1, 0}});
        assertEquals(List.of(4, 3, 2), classes(many.get(0)), "at most " + MappingSources.MAX_SOURCES);
    }

    @Test
    void learnedMappingsShowTheStrongestSourcesBestFirst() {
        float[][] w = weights(new float[] {0.1f, 2.0f, -1.0f, 0.0f}, new float[] {0.9f, -0.5f, 1.0f, 0.8f},
                new float[] {Float.NaN, 1, 2, 3});
        List<List<MappingSources.Source>> rows = MappingSources.of(w, null);
        assertEquals(List.of(1), classes(rows.get(0)), "a clear winner shows alone");
        assertEquals(2.0f, rows.get(0).get(0).weight());
        assertFalse(rows.get(0).get(0).assigned());
        assertEquals(List.of(2, 0, 3), classes(rows.get(1)), "close runners-up show beside it, best first");
        assertEquals(List.of(), classes(rows.get(2)), "NaN weights (a diverged run): no pictures");
    }

    @Test
    void picturesTakeEachSourcesExamplesInTurn() {
        MappingSources.Source a = new MappingSources.Source(0, 1, true);
        MappingSources.Source b = new MappingSources.Source(2, 1, true);
        MappingSources.Source c = new MappingSources.Source(1, 1, true);
        int[] counts = {5, 0, 1};
        assertEquals(List.of(new MappingSources.Picture(a, 0), new MappingSources.Picture(a, 1),
                new MappingSources.Picture(a, 2)), MappingSources.pictures(List.of(a), counts, 3), "one source: 3 of it");
        assertEquals(List.of(new MappingSources.Picture(b, 0), new MappingSources.Picture(a, 0),
                new MappingSources.Picture(a, 1)), MappingSources.pictures(List.of(b, c, a), counts, 3),
                "several: the first of each, then round again; a source without examples is skipped");
        assertEquals(List.of(), MappingSources.pictures(List.of(c), counts, 3));
        assertEquals(List.of(), MappingSources.pictures(List.of(c, a), counts, 3),
                "the first source has no examples: no pictures (others' would pass for it)");
        assertEquals(List.of(), MappingSources.pictures(List.of(new MappingSources.Source(9, 1, true)), counts, 3));
    }
}
