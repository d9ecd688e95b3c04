package org.reprogram.workbench.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.reprogram.workbench.core.mapping.GreedyMatching;

class GreedyMatchingTest {

    @Test
    void takesLargestEntriesGreedilyAndDeletesRowAndColumn() {
        // F[s][t]; the largest entry is F[2][0] = 9 -> t0 <- s2. Remaining without row 2 / col 0:
        // F[0][1] = 7 is next -> t1 <- s0; then only s1, s3 left for t2: F[3][2] = 5 > F[1][2] = 4.
        int[][] f = {
            {6, 7, 1},
            {5, 2, 4},
            {9, 8, 3},
            {0, 1, 5},
        };
        assertArrayEquals(new int[] {2, 0, 3}, GreedyMatching.oneToOne(f));
    }

    @Test
    void greedyIsNotTheOptimalAssignmentAndThatIsIntended() {
        // Optimal (Hungarian) would be t0<-s1, t1<-s0 (total 8+8=16); greedy takes 9 first (t0<-s0).
        int[][] f = {
            {9, 8},
            {8, 0},
        };
        assertArrayEquals(new int[] {0, 1}, GreedyMatching.oneToOne(f));
    }

    @Test
    void allZeroMatrixStillGivesDistinctSources() {
        int[] a = GreedyMatching.oneToOne(new int[5][3]);
        assertArrayEquals(new int[] {0, 1, 2}, a);
    }

    @Test
    void moreTargetsThanSourcesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> GreedyMatching.oneToOne(new int[2][3]));
    }
}
