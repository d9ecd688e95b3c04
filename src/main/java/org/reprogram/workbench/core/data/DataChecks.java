package org.reprogram.workbench.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;

/**
 * Degenerate runs, found when a run is assembled instead of ending "completed" with NaN or
 * meaningless numbers. The rule: <b>an error</b> ({@link UserInputException}) when a number the
 * run reports would have no data behind it at all, or nothing could be learned; <b>a notice</b>
 * (the experiment's notices: the CLI prints {@code note: ...}, the GUI shows them, info.json keeps
 * them) when the run is sound but a number leaves part of the data out or the results are
 * ambiguous.
 * <ul>
 * <li>error: no test images at all (the test accuracy would be NaN), e.g. every class folder holds
 *     one image, which stays for training ({@link #check});
 * <li>error: a class without training images, e.g. IDX labels with gaps ({@link IdxLoader});
 * <li>error: nothing trainable, e.g. a pad program whose window covers the whole canvas with a
 *     mapping without weights ({@code Experiment}); with a trainable mapping it is a notice;
 * <li>notice: classes without test images: the test accuracy leaves them out ({@link #check});
 * <li>notice: class names listed twice in a model's sidecar ({@link #duplicateNames}).
 * </ul>
 */
public final class DataChecks {

    private DataChecks() {}

    /** Throws for a dataset without test images; returns the notices of DATASET (classes without test images). */
    public static List<String> check(TargetDataset dataset) {
        List<String> notices = new ArrayList<>();
        List<String> missing = classesWithout(dataset.test().labels(), dataset.classNames());
        String why = dataset.testFromTrain() ? " (a class needs at least 2 images for one to be held out for testing)"
                : "";
        if (dataset.test().size() == 0) {
            String problem = "target '" + dataset.name() + "' has no test images" + why
                    + ", so the test accuracy could not be measured";
            String fix = dataset.testFromTrain() ? "add images: at least 2 per class folder, better 10 or more"
                    : "add test images";
            throw dataset.location() != null ? UserInputException.forFile(dataset.location(), problem, fix)
                    : new UserInputException(problem + ". Fix: " + fix);
        }
        if (!missing.isEmpty()) {
            notices.add("no test images for " + (missing.size() == 1 ? "class " : missing.size() + " classes: ")
                    + list(missing) + why + ": the test accuracy leaves " + (missing.size() == 1 ? "it" : "them")
                    + " out");
        }
        return notices;
    }

    /** The class names of NAMES that occur more than once, with their indices ("'crane' (134, 517)"); null if none. */
    public static String duplicateNames(List<String> names) {
        Map<String, List<Integer>> at = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            at.computeIfAbsent(names.get(i), n -> new ArrayList<>()).add(i);
        }
        List<String> dups = new ArrayList<>();
        at.forEach((n, idx) -> {
            if (idx.size() > 1) {
                dups.add("'" + n + "' " + idx.toString().replace('[', '(').replace(']', ')'));
            }
        });
        return dups.isEmpty() ? null : String.join(", ", dups);
    }

    private static List<String> classesWithout(int[] labels, List<String> classNames) {
        boolean[] seen = new boolean[classNames.size()];
        for (int l : labels) {
            if (l >= 0 && l < seen.length) {
                seen[l] = true;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                missing.add(classNames.get(c));
            }
        }
        return missing;
    }

    /** 'a', 'b', 'c' (the first 10, then a count). */
    private static String list(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(10, names.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
        }
        if (names.size() > 10) {
            sb.append(" and ").append(names.size() - 10).append(" more");
        }
        return sb.toString();
    }
}
