package org.reprogram.workbench.core.study.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.reprogram.workbench.core.study.ConfigurationKey;
import org.reprogram.workbench.core.study.ConfigurationStats;
import org.reprogram.workbench.core.study.StudyResults;
import org.reprogram.workbench.core.study.SweepParameter;

/**
 * The settings that tell a study's configurations apart: the spec's swept parameters in the file's
 * order, then any other setting that takes more than one value among the configurations it applies
 * to (a baseline's own settings), by id. The method is not among them (it has its own column).
 */
final class SweptSettings {

    private SweptSettings() {}

    /** The ids, swept parameters first. */
    static List<String> ids(StudyResults results) {
        Set<String> ids = new LinkedHashSet<>();
        results.spec().parameters().stream().map(SweepParameter::id).forEach(ids::add);
        Set<String> all = new TreeSet<>();
        List<ConfigurationKey> keys = results.statistics().leaderboard().stream().map(ConfigurationStats::key).toList();
        keys.forEach(k -> all.addAll(k.settings().keySet()));
        for (String id : all) {
            if (!id.equals(ConfigurationKey.METHOD) && differs(id, keys)) {
                ids.add(id);
            }
        }
        return new ArrayList<>(ids);
    }

    /** KEY's value of ID, or "" where the setting does not apply to it. */
    static String value(ConfigurationKey key, String id) {
        return key.settings().getOrDefault(id, "");
    }

    private static boolean differs(String id, List<ConfigurationKey> keys) {
        Set<String> values = new HashSet<>();
        keys.stream().map(k -> value(k, id)).filter(v -> !v.isEmpty()).forEach(values::add);
        return values.size() > 1;
    }
}
