package org.reprogram.workbench.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reprogram.workbench.core.spec.Setting;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * A study spec's {@code parameters:}: each registry id with {@code values: [...]}, {@code value: x} or
 * {@code distribution: ..., min, max} (W&amp;B's forms); every value parsed and checked by the setting's
 * declaration.
 */
final class ParameterReader {

    private static final List<String> KEYS = List.of("values", "value", "distribution", "min", "max");

    private final SpecNodes nodes;
    private final SearchMethod method;

    ParameterReader(SpecNodes nodes, SearchMethod method) {
        this.nodes = nodes;
        this.method = method;
    }

    List<SweepParameter> read(Node node) {
        Map<String, NodeTuple> entries = nodes.entries(node, "parameters", null);
        if (entries.isEmpty()) {
            throw nodes.error(node, "parameters is empty", "list at least one setting to sweep, e.g. optimization.lr");
        }
        List<SweepParameter> out = new ArrayList<>();
        for (NodeTuple t : entries.values()) {
            String id = nodes.scalar(t.getKeyNode(), "a parameter id");
            Setting<?> s = StudySpecReader.sweepable(nodes, t.getKeyNode(), id);
            out.add(parameter(s, SpecNodes.line(t.getKeyNode()), t.getValueNode()));
        }
        return out;
    }

    private SweepParameter parameter(Setting<?> s, int line, Node node) {
        String id = s.id();
        Map<String, NodeTuple> e = nodes.entries(node, "parameter " + id, KEYS);
        Distribution d = Distribution.CATEGORICAL;
        if (e.containsKey("distribution")) {
            Node dn = e.get("distribution").getValueNode();
            String text = nodes.scalar(dn, "distribution");
            d = Distribution.fromId(text);
            if (d == null) {
                throw nodes.error(dn, "unknown distribution '" + text + "' for " + id, "use " + Distribution.ids());
            }
        }
        if (e.containsKey("values") && e.containsKey("value")) {
            throw nodes.error(e.get("value").getKeyNode(), id + " has both values and value", "keep one of them");
        }
        if (!d.isRange()) {
            for (String k : List.of("min", "max")) {
                if (e.containsKey(k)) {
                    throw nodes.error(e.get(k).getKeyNode(), id + ": " + k + " belongs to a distribution over a range",
                            "add distribution: uniform, log_uniform_values or int_uniform, or list values: [...]");
                }
            }
            if (e.containsKey("value")) {
                return SweepParameter.of(s, List.of(nodes.value(e.get("value").getValueNode(), s)), line);
            }
            if (!e.containsKey("values")) {
                throw nodes.error(line, id + " has no values", "add values: [a, b, ...], value: x, or a distribution"
                        + " with min and max");
            }
            List<Object> values = new ArrayList<>();
            for (Node item : nodes.list(e.get("values").getValueNode(), id + " values")) {
                values.add(nodes.value(item, s));
            }
            return SweepParameter.of(s, values, line);
        }
        return range(s, d, line, e);
    }

    private SweepParameter range(Setting<?> s, Distribution d, int line, Map<String, NodeTuple> e) {
        String id = s.id();
        if (method == SearchMethod.GRID) {
            throw nodes.error(e.get("distribution").getValueNode(), "a grid cannot draw " + id + " from "
                    + d.id(), "list values: [...] for a grid, or use method: random");
        }
        for (String k : List.of("values", "value")) {
            if (e.containsKey(k)) {
                throw nodes.error(e.get(k).getKeyNode(), id + ": " + k + " does not go with distribution " + d.id(),
                        "use distribution: categorical with values, or min and max");
            }
        }
        Class<?> type = s.parameter().type().javaType();
        boolean whole = type == Integer.class || type == Long.class;
        if (!whole && type != Double.class) {
            throw nodes.error(line, id + " is not a number, so it cannot be drawn from " + d.id(),
                    "list its values: [...] (distribution: categorical)");
        }
        if (whole != (d == Distribution.INT_UNIFORM)) {
            throw nodes.error(e.get("distribution").getValueNode(), id + (whole ? " takes whole numbers" : " takes real"
                    + " numbers") + ", not " + d.id(), "use distribution: " + (whole ? "int_uniform"
                    : "uniform or log_uniform_values"));
        }
        double[] ends = new double[2];
        for (int i = 0; i < 2; i++) {
            String k = i == 0 ? "min" : "max";
            if (!e.containsKey(k)) {
                throw nodes.error(line, id + " has no " + k, "add " + k + ": for distribution " + d.id());
            }
            ends[i] = ((Number) nodes.value(e.get(k).getValueNode(), s)).doubleValue();
        }
        if (ends[0] > ends[1]) {
            throw nodes.error(e.get("min").getKeyNode(), id + ": min " + num(ends[0]) + " is larger than max "
                    + num(ends[1]), "swap them");
        }
        if (d == Distribution.LOG_UNIFORM_VALUES && ends[0] <= 0) {
            throw nodes.error(e.get("min").getKeyNode(), id + ": log_uniform_values needs min > 0, not " + num(ends[0]),
                    "give a positive min, e.g. 1e-4, or use distribution: uniform");
        }
        return new SweepParameter(s, List.of(), d, ends[0], ends[1], line);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
