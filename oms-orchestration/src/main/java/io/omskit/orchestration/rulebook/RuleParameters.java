package io.omskit.orchestration.rulebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.omskit.core.common.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of one rule in a rule-book document. Accessors never throw: a missing or mistyped parameter is
 * recorded as a problem (naming its path, value and the rule it breaks) and a neutral value returned, so that
 * one read reports every problem of the document. Not thread-safe.
 */
public final class RuleParameters {

    private final String path;
    private final JsonNode node;
    private final List<Problem> problems;
    /** The name of the rule these parameters (or the rule's parameters they are nested in) belong to; null for none. */
    private final String rule;
    private final Set<String> read = new LinkedHashSet<>();

    RuleParameters(String path, JsonNode node, List<Problem> problems) {
        this(path, node, problems, node.path("rule").isTextual() ? node.get("rule").asText() : null);
    }

    private RuleParameters(String path, JsonNode node, List<Problem> problems, String rule) {
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.rule = rule;
        read.add("rule");
    }

    /** The path of these parameters in the document, such as {@code ruleSets[0].filters[2]}. */
    public String path() {
        return path;
    }

    /** Whether the parameter is present. */
    public boolean has(String name) {
        read.add(name);
        return node.has(name) && !node.get(name).isNull();
    }

    /** A required finite number; 0 (with a problem) when missing or not a number. */
    public double number(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            problem(name, "null", "is required (a number)");
            return 0;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            problem(name, v.toString(), "must be a finite number");
            return 0;
        }
        return v.asDouble();
    }

    /** An optional finite number. */
    public double number(String name, double byDefault) {
        return has(name) ? number(name) : byDefault;
    }

    /**
     * A required number from {@code min} to {@code max} (both included); when out of range, a problem naming the
     * rule, and the nearest bound returned, so that the rule is not refused a second time for the same value.
     */
    public double number(String name, double min, double max) {
        int before = problems.size();
        double value = number(name);
        if (problems.size() == before && !(value >= min && value <= max)) {
            problem(name, node.get(name).toString(), "must be a number from " + plain(min) + " to " + plain(max) + ofRule());
            return Math.max(min, Math.min(max, value));
        }
        return value;
    }

    /** An optional number from {@code min} to {@code max}, {@code byDefault} when absent; see {@link #number(String, double, double)}. */
    public double number(String name, double byDefault, double min, double max) {
        return has(name) ? number(name, min, max) : byDefault;
    }

    /** A required integer; 0 (with a problem) when missing or not an integer. */
    public int integer(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            problem(name, "null", "is required (an integer)");
            return 0;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            problem(name, v.toString(), "must be an integer");
            return 0;
        }
        return v.asInt();
    }

    /** An optional integer. */
    public int integer(String name, int byDefault) {
        return has(name) ? integer(name) : byDefault;
    }

    /**
     * A required integer from {@code min} to {@code max} (both included); when out of range, a problem naming the
     * rule, and the nearest bound returned.
     */
    public int integer(String name, int min, int max) {
        int before = problems.size();
        int value = integer(name);
        if (problems.size() == before && (value < min || value > max)) {
            problem(name, node.get(name).toString(), "must be an integer from " + min + " to " + max + ofRule());
            return Math.max(min, Math.min(max, value));
        }
        return value;
    }

    /** An optional integer from {@code min} to {@code max}, {@code byDefault} when absent. */
    public int integer(String name, int byDefault, int min, int max) {
        return has(name) ? integer(name, min, max) : byDefault;
    }

    /** An optional boolean. */
    public boolean flag(String name, boolean byDefault) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return byDefault;
        }
        if (!v.isBoolean()) {
            problem(name, v.toString(), "must be true or false");
            return byDefault;
        }
        return v.asBoolean();
    }

    /** A required string; "" (with a problem) when missing. */
    public String text(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || !v.isTextual()) {
            problem(name, v == null ? "null" : v.toString(), "is required (a string)");
            return "";
        }
        return v.asText();
    }

    /** An optional enum constant, by name; the default (with a problem) when not a constant of {@code type}. */
    public <E extends Enum<E>> E constant(String name, Class<E> type, E byDefault) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return byDefault;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v.asText())) {
                return e;
            }
        }
        List<String> known = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            known.add(e.name());
        }
        problem(name, v.toString(), "must be one of " + known);
        return byDefault;
    }

    /** A required list of strings; empty (with a problem) when missing or not an array of strings. */
    public List<String> texts(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || !v.isArray()) {
            problem(name, v == null ? "null" : v.toString(), "is required (an array of strings)");
            return out;
        }
        for (int k = 0; k < v.size(); k++) {
            if (!v.get(k).isTextual()) {
                problem(name + "[" + k + "]", v.get(k).toString(), "must be a string");
            } else {
                out.add(v.get(k).asText());
            }
        }
        return out;
    }

    /** A nested object's parameters; null when absent (a problem when present but not an object). */
    public RuleParameters object(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            problem(name, v.toString(), "must be an object");
            return null;
        }
        return new RuleParameters(path + "." + name, v, problems, rule);
    }

    /** A list of nested objects' parameters; empty when absent. */
    public List<RuleParameters> objects(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        List<RuleParameters> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problem(name, v.toString(), "must be an array of objects");
            return out;
        }
        for (int k = 0; k < v.size(); k++) {
            if (!v.get(k).isObject()) {
                problem(name + "[" + k + "]", v.get(k).toString(), "must be an object");
            } else {
                out.add(new RuleParameters(path + "." + name + "[" + k + "]", v.get(k), problems, rule));
            }
        }
        return out;
    }

    /** Records a problem with parameter {@code name}. */
    public void problem(String name, String value, String rule) {
        problems.add(new Problem(path + "." + name, value, rule));
    }

    /** Records a problem with these parameters as a whole. */
    public void problem(String value, String rule) {
        problems.add(new Problem(path, value, rule));
    }

    private String ofRule() {
        return rule == null ? "" : " (rule " + rule + ")";
    }

    /** {@code 1e9} as {@code 1000000000}, {@code 0.5} as {@code 0.5}. */
    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Records every parameter present that no accessor asked for, as unknown. Called after the factory. */
    void reportUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                problems.add(new Problem(path + "." + name, node.get(name).toString(),
                        "is not a parameter of this rule; known: " + read));
            }
        }
    }
}
