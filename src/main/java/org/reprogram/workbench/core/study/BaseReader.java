package org.reprogram.workbench.core.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.param.ProblemException;
import org.reprogram.workbench.core.run.RunConfigFile;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A study spec's {@code base:}: either a mapping of setting ids to values over the registry's
 * defaults ({@code method:} first, so a baseline base starts from that method's defaults), or the
 * path of a run folder (relative to the spec's folder) whose config.json is the base.
 */
final class BaseReader {

    private final SpecNodes nodes;

    BaseReader(SpecNodes nodes) {
        this.nodes = nodes;
    }

    RunSpec read(Node node) {
        return node instanceof ScalarNode ? folder(node) : settings(node);
    }

    private RunSpec folder(Node node) {
        String text = nodes.scalar(node, "base");
        Path dir = nodes.file().toAbsolutePath().getParent().resolve(text).normalize();
        if (!Files.isDirectory(dir)) {
            throw nodes.error(node, "base run folder " + dir + " does not exist", "give a run folder (one holding"
                    + " config.json) relative to the spec's folder, or the base's settings as a mapping");
        }
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw nodes.error(node, "base folder " + dir + " is not a run folder (no config.json)",
                    "give a run folder written by Reprogram Workbench");
        }
        try {
            return RunConfigFile.read(dir.resolve("config.json")).spec();
        } catch (UserInputException e) {
            throw nodes.error(node, "base run folder cannot be used: " + e.getMessage(), null);
        }
    }

    private RunSpec settings(Node node) {
        Map<String, NodeTuple> entries = nodes.entries(node, "base", null);
        Method method = Method.REPROGRAM;
        if (entries.containsKey("method")) {
            method = (Method) nodes.value(entries.get("method").getValueNode(), Settings.METHOD);
        }
        RunSpec spec = ParameterRegistry.defaults(method);
        List<String> ids = ParameterRegistry.all().stream().map(Setting::id).toList();
        for (NodeTuple t : entries.values()) {
            String id = nodes.scalar(t.getKeyNode(), "a key of base");
            Setting<?> s = ParameterRegistry.find(id);
            if (s == null) {
                throw nodes.error(t.getKeyNode(), "unknown setting '" + id + "' in base", ClosestIds.fix(id, ids));
            }
            if (s != Settings.METHOD) {
                try {
                    spec = s.withText(spec, nodes.scalar(t.getValueNode(), "a value of " + id));
                } catch (ProblemException e) {
                    throw nodes.problem(t.getValueNode(), s, e);
                }
            }
        }
        return spec;
    }
}
