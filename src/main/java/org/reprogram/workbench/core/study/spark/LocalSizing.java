package org.reprogram.workbench.core.study.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprogram.workbench.core.UserInputException;

/**
 * Trials at once in local mode: what the user asked for ({@code --parallel N} or {@code local[N]}),
 * else as many as the cores hold at the threads per trial; never more trials x threads than cores,
 * since libtorch's OpenMP threads busy-wait and oversubscribed cores slow every trial down (2-3x
 * measured on 2 cores).
 *
 * @param trials the N of {@code local[N]}
 * @param warning why fewer trials run than asked for (or threads exceed the cores), or null
 */
record LocalSizing(int trials, String warning) {

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\s*\\d+)?])?");

    /** The sizing for MASTER (null or local...), PARALLEL (0: from the cores), THREADS per trial on CORES. */
    static LocalSizing of(String master, int parallel, int threads, int cores) {
        int asked = parallel;
        if (asked == 0 && master != null && !master.isBlank()) {
            Matcher m = LOCAL.matcher(master.trim());
            if (!m.matches()) {
                throw new UserInputException("--master " + master + ": not a local master. Fix: write local, local[N],"
                        + " local[*], spark://HOST:PORT or k8s://URL");
            }
            asked = m.group(1) == null ? 1 : m.group(1).equals("*") ? 0 : Integer.parseInt(m.group(1));
        }
        int fits = Math.max(1, cores / threads);
        String cpu = cores + (cores == 1 ? " core" : " cores");
        if (threads > cores) {
            return new LocalSizing(1, threads + " threads per trial on " + cpu + ": one trial at a time will still"
                    + " oversubscribe them (libtorch's threads busy-wait); give --threads-per-trial " + cores + " or less");
        }
        if (asked == 0) {
            return new LocalSizing(fits, null);
        }
        if (asked > fits) {
            return new LocalSizing(fits, asked + " trials at once x " + threads + (threads == 1 ? " thread" : " threads")
                    + " is more than the " + cpu + ": running " + fits + " at once instead (libtorch's threads"
                    + " busy-wait, so oversubscribed cores slow every trial down)");
        }
        return new LocalSizing(asked, null);
    }
}
