package org.reprogram.workbench.core.study;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.param.Problem;
import org.reprogram.workbench.core.param.ProblemException;
import org.reprogram.workbench.core.spec.Setting;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading a study spec's YAML node tree with the line of every node at hand: each problem becomes one
 * {@link UserInputException} "FILE:LINE: problem. Fix: what to do".
 */
final class SpecNodes {

    private final Path file;

    SpecNodes(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** NODE's line in the file, from 1. */
    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The problem at LINE of the file. */
    UserInputException error(int line, String problem, String fix) {
        return new UserInputException(file + ":" + line + ": " + problem + (fix == null ? "" : ". Fix: " + fix));
    }

    /** The problem at NODE's line. */
    UserInputException error(Node node, String problem, String fix) {
        return error(line(node), problem, fix);
    }

    /**
     * NODE's entries by key (the key nodes keep their lines), in the file's order; a problem when it is
     * not a mapping, a key repeats, or a key is not among KNOWN.
     */
    Map<String, NodeTuple> entries(Node node, String what, List<String> known) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping of keys to values", "write it as 'key: value' lines indented"
                    + " under it, or {key: value, ...}");
        }
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode(), "a key of " + what);
            if (known != null && !known.contains(key)) {
                throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what, "use " + String.join(", ", known));
            }
            if (out.put(key, t) != null) {
                throw error(t.getKeyNode(), "'" + key + "' is given twice in " + what, "keep one");
            }
        }
        return out;
    }

    /** NODE's text; a problem when it is a list or a mapping. */
    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, what + " must be a single value, not a " + (node instanceof SequenceNode ? "list" : "mapping"),
                    "write one value");
        }
        return s.getValue().trim();
    }

    /** NODE's items; a problem when it is not a list or is empty. */
    List<Node> list(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            throw error(node, what + " must be a list", "write [a, b, ...] or one '- value' line per item");
        }
        if (s.getValue().isEmpty()) {
            throw error(node, what + " is empty", "list at least one value");
        }
        return s.getValue();
    }

    /** NODE as a whole number; a problem naming WHAT otherwise. */
    long integer(Node node, String what) {
        String text = scalar(node, what);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(node, what + " must be a whole number, not '" + text + "'", "write e.g. 3");
        }
    }

    /** NODE as a whole number of at least MIN. */
    int atLeast(Node node, String what, int min) {
        long v = integer(node, what);
        if (v < min || v > Integer.MAX_VALUE) {
            throw error(node, what + " must be at least " + min + ", not " + v, "write a whole number from " + min);
        }
        return (int) v;
    }

    /**
     * The registry's problem E with SETTING's value, at NODE's line: "learning rate (optimization.lr) must
     * be a positive number. Fix: ...".
     */
    UserInputException problem(Node node, Setting<?> setting, ProblemException e) {
        Problem p = e.problems().get(0);
        String text = node instanceof ScalarNode sn ? sn.getValue().trim() : "";
        String words = setting.parameter().inSentence();
        String subject = words.equals(setting.id()) ? words : words + " (" + setting.id() + ")";
        String fix = p.fix() == null || p.fix().isBlank() ? setting.id() + " accepts: "
                + setting.parameter().type().allowed() : Problem.fill(p.fix(), setting.id());
        String message = p.messageOnly(subject);
        return error(node, message.contains("'" + text + "'") ? message : message + " (got '" + text + "')", fix);
    }

    /** NODE's text read as SETTING's value, checked by its declaration. */
    Object value(Node node, Setting<?> setting) {
        String text = scalar(node, "a value of " + setting.id());
        try {
            return setting.parameter().parse(text);
        } catch (ProblemException e) {
            throw problem(node, setting, e);
        }
    }
}
