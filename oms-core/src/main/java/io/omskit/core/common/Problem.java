package io.omskit.core.common;

import java.util.Objects;

/**
 * One thing wrong with a request: which field, what value it had and which rule it breaks.
 *
 * @param field a path to the field, such as {@code lines[2].quantity}
 * @param value the offending value as text; {@code "null"} when missing
 * @param rule  the rule broken, in words
 */
public record Problem(String field, String value, String rule) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        value = String.valueOf(value);
    }

    @Override
    public String toString() {
        return field + " = " + value + ": " + rule;
    }
}
