package io.omskit.core.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request broke one or more rules. The message lists every problem found, not just the first.
 */
public class ValidationException extends IllegalArgumentException {

    private final transient List<Problem> problems;

    /**
     * @param subject what was being validated, such as "order placement"
     * @param problems every problem found; must not be empty
     */
    public ValidationException(String subject, List<Problem> problems) {
        super(subject + " rejected, " + problems.size() + " problem(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order the fields were checked. */
    public List<Problem> problems() {
        return problems;
    }
}
