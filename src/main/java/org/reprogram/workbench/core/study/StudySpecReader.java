package org.reprogram.workbench.core.study;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprogram.workbench.core.UserInputException;
import org.reprogram.workbench.core.spec.Method;
import org.reprogram.workbench.core.spec.ParameterRegistry;
import org.reprogram.workbench.core.spec.RunSpec;
import org.reprogram.workbench.core.spec.Setting;
import org.reprogram.workbench.core.spec.Settings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a study spec's YAML into a {@link StudySpec}, stopping at the first problem with its line. */
final class StudySpecReader {

    static final List<String> KEYS = List.of("name", "description", "method", "metric", "parameters",
            "early_terminate", "run_cap", "seed", "base", "seeds", "baselines");

    private final SpecNodes nodes;

    private StudySpecReader(Path file) {
        this.nodes = new SpecNodes(file);
    }

    static StudySpec read(Path file) {
        return new StudySpecReader(file).read();
    }

    private StudySpec read() {
        Path file = nodes.file();
        Node root = compose(file);
        Map<String, NodeTuple> top = nodes.entries(root, "the study spec", KEYS);
        String name = top.containsKey("name") ? nodes.scalar(value(top, "name"), "name") : "";
        String description = top.containsKey("description") ? nodes.scalar(value(top, "description"), "description") : "";
        SearchMethod method = method(top, root);
        RunSpec base = top.containsKey("base") ? new BaseReader(nodes).read(value(top, "base")) : ParameterRegistry.defaults(Method.REPROGRAM);
        if (base.data().target().isBlank()) {
            int line = top.containsKey("base") ? SpecNodes.line(top.get("base").getKeyNode()) : 1;
            throw nodes.error(line, "the base run has no target dataset (data.target)",
                    "add 'data.target: FOLDER' under base:, e.g. data.target: sample-data/digits");
        }
        List<SweepParameter> parameters = new ParameterReader(nodes, method).read(required(top, "parameters", root));
        for (SweepParameter p : parameters) {
            if (!TrialExpander.appliesSomewhere(p, base, parameters)) {
                throw nodes.error(p.line(), "'" + p.id() + "' applies to none of the study's runs ("
                        + ParameterRegistry.help(p.setting()) + ")", whereItApplies(p.setting()));
            }
        }
        int runCap = runCap(top, method, root);
        long seed = top.containsKey("seed") ? nodes.integer(value(top, "seed"), "seed") : 0;
        List<Long> seeds = top.containsKey("seeds") ? seeds(value(top, "seeds")) : List.of(base.seed());
        List<Method> baselines = top.containsKey("baselines") ? baselines(value(top, "baselines")) : List.of();
        EarlyTerminate early = top.containsKey("early_terminate") ? earlyTerminate(top.get("early_terminate")) : null;
        Metric metric = top.containsKey("metric") ? metric(top.get("metric")) : Metric.DEFAULT;
        return new StudySpec(file, name, description, method, metric, base, parameters, seeds, baselines, early, runCap, seed);
    }

    private Node compose(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw UserInputException.forFile(file, "cannot be read (" + e.getMessage() + ")", "give an existing YAML file");
        }
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                throw nodes.error(1, "is empty", "write a study spec (see docs/studies/example.yaml)");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw nodes.error(line, "is not valid YAML (" + e.getProblem() + ")", "check the indentation and quoting there");
        } catch (YAMLException e) {
            throw nodes.error(1, "is not valid YAML (" + e.getMessage() + ")", "check the file's syntax");
        }
    }

    private static Node value(Map<String, NodeTuple> entries, String key) {
        return entries.get(key).getValueNode();
    }

    private Node required(Map<String, NodeTuple> top, String key, Node root) {
        if (!top.containsKey(key)) {
            throw nodes.error(root, "the study spec has no '" + key + ":'", "add it (see docs/studies/example.yaml)");
        }
        return value(top, key);
    }

    private SearchMethod method(Map<String, NodeTuple> top, Node root) {
        Node n = required(top, "method", root);
        String id = nodes.scalar(n, "method");
        SearchMethod m = SearchMethod.fromId(id);
        if (m == null) {
            throw nodes.error(n, "unknown method '" + id + "'", "use grid or random");
        }
        return m;
    }

    private int runCap(Map<String, NodeTuple> top, SearchMethod method, Node root) {
        if (method == SearchMethod.GRID) {
            if (top.containsKey("run_cap")) {
                throw nodes.error(top.get("run_cap").getKeyNode(), "run_cap limits a random study; a grid runs every"
                        + " combination", "remove run_cap, or use method: random");
            }
            return 0;
        }
        if (!top.containsKey("run_cap")) {
            throw nodes.error(top.get("method").getValueNode(), "a random study needs run_cap (how many"
                    + " configurations to draw)", "add e.g. run_cap: 20");
        }
        return nodes.atLeast(value(top, "run_cap"), "run_cap", 1);
    }

    private List<Long> seeds(Node n) {
        if (n instanceof ScalarNode) {
            int count = nodes.atLeast(n, "seeds (a count)", 1);
            List<Long> out = new ArrayList<>();
            for (long s = 0; s < count; s++) {
                out.add(s);
            }
            return out;
        }
        Set<Long> out = new LinkedHashSet<>();
        for (Node item : nodes.list(n, "seeds")) {
            long s = nodes.integer(item, "a seed");
            if (!out.add(s)) {
                throw nodes.error(item, "seed " + s + " is listed twice", "list each seed once");
            }
        }
        return List.copyOf(out);
    }

    private List<Method> baselines(Node n) {
        Set<Method> out = new LinkedHashSet<>();
        for (Node item : nodes.list(n, "baselines")) {
            String id = nodes.scalar(item, "a baseline");
            Method m = Method.fromId(id);
            if (m == null || !m.isBaseline()) {
                throw nodes.error(item, "'" + id + "' is not a baseline", "use " + Method.baselineIds());
            }
            if (!out.add(m)) {
                throw nodes.error(item, "baseline " + id + " is listed twice", "list each baseline once");
            }
        }
        return List.copyOf(out);
    }

    private EarlyTerminate earlyTerminate(NodeTuple entry) {
        Node n = entry.getKeyNode();
        Map<String, NodeTuple> e = nodes.entries(entry.getValueNode(), "early_terminate", List.of("type", "min_iter", "eta"));
        if (!e.containsKey("type")) {
            throw nodes.error(n, "early_terminate has no type", "add type: hyperband");
        }
        String type = nodes.scalar(value(e, "type"), "early_terminate type");
        if (!EarlyTerminate.HYPERBAND.equals(type)) {
            throw nodes.error(value(e, "type"), "unknown early_terminate type '" + type + "'",
                    "use type: hyperband (successive halving), the only one supported");
        }
        if (!e.containsKey("min_iter")) {
            throw nodes.error(n, "hyperband needs min_iter (the epochs of the first rung)", "add e.g. min_iter: 2");
        }
        int minIter = nodes.atLeast(value(e, "min_iter"), "min_iter", 1);
        int eta = e.containsKey("eta") ? nodes.atLeast(value(e, "eta"), "eta", 2) : EarlyTerminate.DEFAULT_ETA;
        return new EarlyTerminate(type, minIter, eta);
    }

    private Metric metric(NodeTuple entry) {
        Node n = entry.getKeyNode();
        Map<String, NodeTuple> m = nodes.entries(entry.getValueNode(), "metric", List.of("name", "goal"));
        if (!m.containsKey("name")) {
            throw nodes.error(n, "metric has no name", "add name: val_accuracy");
        }
        Node nameNode = value(m, "name");
        String name = nodes.scalar(nameNode, "metric name");
        if (!Metric.NAMES.contains(name)) {
            throw nodes.error(nameNode, "unknown metric '" + name + "'" + (name.startsWith("test")
                    ? " (a study chooses by validation; the chosen configuration's test figure is reported)" : ""),
                    "use " + String.join(" or ", Metric.NAMES));
        }
        Metric.Goal natural = Metric.naturalGoal(name);
        if (!m.containsKey("goal")) {
            return new Metric(name, natural);
        }
        Node goalNode = value(m, "goal");
        String goalId = nodes.scalar(goalNode, "metric goal");
        Metric.Goal goal = Metric.Goal.fromId(goalId);
        if (goal == null) {
            throw nodes.error(goalNode, "unknown goal '" + goalId + "'", "use maximize or minimize");
        }
        if (goal != natural) {
            throw nodes.error(goalNode, "goal " + goalId + " for " + name + " would prefer the worse runs",
                    "use goal: " + natural.id());
        }
        return new Metric(name, goal);
    }

    /** What to do about a swept SETTING that applies to no run: sweep or set what it belongs to. */
    private static String whereItApplies(Setting<?> setting) {
        List<String> owners = ParameterRegistry.declaredBy(setting);
        String remove = ", or remove " + setting.id();
        if (owners.isEmpty()) {
            return "sweep or set (in base:) the method or trainer it belongs to" + remove;
        }
        String owner = setting.id().startsWith("mapping.") ? "mapping" : "program";
        return "add " + String.join(" or ", owners) + " to the " + owner + " values (or set " + owner + " in base:)"
                + remove;
    }

    /** The registry's setting ID, refused where unknown; "seed" and "method" are swept by their own keys (seeds:, baselines:). */
    static Setting<?> sweepable(SpecNodes nodes, Node key, String id) {
        Setting<?> s = ParameterRegistry.find(id);
        if (s == null) {
            throw nodes.error(key, "unknown parameter '" + id + "'",
                    ClosestIds.fix(id, ParameterRegistry.all().stream().map(Setting::id)
                            .filter(k -> !k.equals(Settings.SEED.id()) && !k.equals(Settings.METHOD.id())).toList()));
        }
        if (s == Settings.SEED) {
            throw nodes.error(key, "the seed is not swept as a parameter", "list the seeds under seeds: (a count or a list)");
        }
        if (s == Settings.METHOD) {
            throw nodes.error(key, "the method is not swept as a parameter", "list linear-probe, finetune or scratch"
                    + " under baselines:");
        }
        return s;
    }
}
