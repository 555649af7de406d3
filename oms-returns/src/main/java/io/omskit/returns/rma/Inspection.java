package io.omskit.returns.rma;

import io.omskit.core.common.Checks;
import io.omskit.core.order.LineId;
import java.time.Instant;

/**
 * Units of a return line inspected alike: their grade and what becomes of them.
 *
 * @param number      1 for the first inspection of the return, then 2, ...
 * @param key         the caller's key; a second inspection with the same key changes nothing
 * @param line        the return line
 * @param grade       the condition found
 * @param disposition what becomes of them
 * @param quantity    units inspected, at least 1
 * @param at          when
 */
public record Inspection(int number, String key, LineId line, Grade grade, Disposition disposition, int quantity, Instant at) {

    public Inspection {
        Checks.positive(number, "number");
        Checks.notBlank(key, "key");
        Checks.notNull(line, "line");
        Checks.notNull(grade, "grade");
        Checks.notNull(disposition, "disposition");
        Checks.positive(quantity, "quantity");
        Checks.notNull(at, "at");
    }
}
