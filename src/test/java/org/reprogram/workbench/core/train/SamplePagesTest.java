package org.reprogram.workbench.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The live gallery's pages of target classes: one image per class, every class on some page. */
class SamplePagesTest {

    /** Labels 0..CLASSES-1, REPEATS times over, in order. */
    private static int[] labels(int classes, int repeats) {
        int[] l = new int[classes * repeats];
        for (int i = 0; i < l.length; i++) {
            l[i] = i % classes;
        }
        return l;
    }

    @Test
    void fiftyClassesNeedThreePagesAndEveryClassAppearsOnItsPage() {
        int[] labels = labels(50, 2);
        SamplePages pages = new SamplePages(labels, 50);
        assertEquals(3, SamplePages.pages(50));
        assertEquals(24, pages.capacity());
        int[] seen = new int[50];
        for (int p = 0; p < 3; p++) {
            for (int i : pages.indices(p)) {
                int c = labels[i];
                assertEquals(p, c / SamplePages.PAGE, "class " + c + " belongs to page " + p);
                seen[c]++;
            }
        }
        for (int c = 0; c < 48; c++) {
            assertEquals(1, seen[c], "pages 1 and 2: one image of class " + c);
        }
        assertEquals(2, seen[48], "page 3 holds classes 48 and 49 only and fills up with their other images");
        assertEquals(2, seen[49]);
        assertEquals(4, pages.indices(2).length);
        assertEquals(48, SamplePages.firstClass(2, 50));
        assertArrayEquals(pages.indices(2), pages.indices(7), "a page past the end shows the last page");
    }

    @Test
    void aFewClassesFillUpToEightImagesAsBefore() {
        int[] labels = labels(3, 5);
        SamplePages pages = new SamplePages(labels, 3);
        assertEquals(1, SamplePages.pages(3));
        assertEquals(8, pages.capacity());
        int[] idx = pages.indices(0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, idx, "one per class first, then in order");
    }

    @Test
    void tenClassesShowOneImageEach() {
        int[] labels = labels(10, 3);
        int[] idx = new SamplePages(labels, 10).indices(0);
        assertEquals(10, idx.length);
        assertEquals(10, Arrays.stream(idx).map(i -> labels[i]).distinct().count());
    }
}
