package org.reprogram.workbench.core.study;

import java.util.Comparator;
import java.util.List;

/** The known ids closest to a mistyped one, for "did you mean" fixes. */
final class ClosestIds {

    private ClosestIds() {}

    /**
     * The ids of KNOWN within a small edit distance of ID (or sharing its last dotted part, "lr" for
     * "optimization.lr"), closest first; empty when none is close.
     */
    static List<String> closest(String id, List<String> known) {
        String last = id.substring(id.lastIndexOf('.') + 1);
        int limit = Math.max(2, id.length() / 3);
        return known.stream()
                .filter(k -> distance(id, k) <= limit || k.substring(k.lastIndexOf('.') + 1).equals(last)
                        || k.endsWith("." + id))
                .sorted(Comparator.comparingInt(k -> distance(id, k))).limit(3).toList();
    }

    /** "use optimization.lr" when something is close, else "use one of A, B, ...". */
    static String fix(String id, List<String> known) {
        List<String> near = closest(id, known);
        return near.isEmpty() ? "use one of " + String.join(", ", known)
                : "use " + String.join(" or ", near) + " (every id: " + String.join(", ", known) + ")";
    }

    /** Levenshtein distance of A and B. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
